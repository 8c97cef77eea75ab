using Campaigns.Infrastructure;

namespace Campaigns.Campaigns;

/// <summary>The answer to a campaign command: the campaign on success, otherwise why not.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignResult")]
public sealed record CampaignResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] CampaignView? Campaign = null,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static CampaignResult Ok(CampaignView campaign) => new(CommandOutcome.Ok, campaign);
    public static CampaignResult NotFound() => new(CommandOutcome.NotFound, Message: "Campaign not found.");
    public static CampaignResult Conflict(string message) => new(CommandOutcome.Conflict, Message: message);
    public static CampaignResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CommandOutcome.Invalid, Message: "One or more fields are invalid.", Errors: errors);
}
