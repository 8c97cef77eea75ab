using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Outreach;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Infrastructure;

/// <summary>
/// How many row errors an import answer lists: a 20,000-row file with a bad column would otherwise answer with 20,000
/// messages. The answer still says how many there were in all.
/// </summary>
public static class ImportErrors
{
    public const int MaxListed = 100;

    public static string Summary(int total) =>
        total > MaxListed ? $"{total:N0} errors; the first {MaxListed} are listed." : $"{total:N0} error(s).";
}
