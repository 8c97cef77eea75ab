using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Outreach;

namespace Campaigns.Api.Outreach;

/// <summary>Outreach command answers as HTTP.</summary>
public static class OutreachResults
{
    public static IResult Ok<T>(OutreachResult<T> result) =>
        result is { Outcome: CommandOutcome.Ok, Value: { } value } ? TypedResults.Ok(value) : Problem(result);

    public static IResult Problem<T>(OutreachResult<T> result) => Problems.From(result.Outcome, result.Message, result.Errors);

    public static ICampaignOutreachGrain Outreach(this IClusterClient cluster, Guid campaignId) =>
        cluster.GetGrain<ICampaignOutreachGrain>(campaignId);

    public static IOutreachLibraryGrain OutreachLibrary(this IClusterClient cluster) => cluster.GetGrain<IOutreachLibraryGrain>(0);
}
