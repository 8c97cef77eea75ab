using Campaigns.Infrastructure;
using Campaigns.Outreach;

namespace Campaigns.Api.Outreach;

/// <summary>
/// What the outreach endpoints share: the grains they call and the step from a grain's answer to the body the API writes.
/// Every answer then goes through <see cref="Infrastructure.CommandResultHttp"/>, the one mapper onto HTTP.
/// </summary>
public static class OutreachResults
{
    /// <summary>A successful value as the body the API writes; a failure carried over unchanged.</summary>
    public static CommandResult<TResponse> Select<T, TResponse>(this CommandResult<T> result, Func<T, TResponse> response) =>
        result.IsOk ? CommandResult<TResponse>.Ok(response(result.Value!)) : result.Failure<TResponse>();

    public static ICampaignOutreachGrain Outreach(this IClusterClient cluster, Guid campaignId) =>
        cluster.GetGrain<ICampaignOutreachGrain>(campaignId);

    public static IOutreachLibraryGrain OutreachLibrary(this IClusterClient cluster) => cluster.GetGrain<IOutreachLibraryGrain>(0);
}
