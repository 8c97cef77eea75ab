using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Outreach;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Crm;

/// <summary>
/// The CRM grain of a cluster, and (for the Outreach sending-account endpoints only, which still answer the legacy
/// <see cref="CrmResult{T}"/>) that result as HTTP: a conflict names its field in <c>errors</c>, as a validation problem
/// does. CRM endpoints map <see cref="CommandResult{T}"/> through <see cref="CommandResultHttp"/>; delete
/// <see cref="From{T}"/> with <see cref="CrmResult{T}"/>.
/// </summary>
public static class CrmProblems
{
    public static IResult From<T>(CrmResult<T> result) where T : class =>
        result is { Outcome: CommandOutcome.Conflict, Errors: { } errors }
            ? TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                extensions: new Dictionary<string, object?> { ["errors"] = errors })
            : Problems.From(result.Outcome, result.Message, result.Errors);

    public static ICrmGrain Crm(this IClusterClient cluster) => cluster.GetGrain<ICrmGrain>(0);
}
