using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;

namespace Campaigns.Infrastructure;

/// <summary>ILIKE patterns from caller text: wildcards in the text match themselves, not anything.</summary>
public static class LikePattern
{
    /// <summary>"%text%" with <c>\</c>, <c>%</c> and <c>_</c> escaped (PostgreSQL's default LIKE escape is <c>\</c>).</summary>
    public static string Containing(string text) =>
        $"%{text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")}%";
}
