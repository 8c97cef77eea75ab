using System.Text.Json.Serialization;

namespace Campaigns.Campaigns;

/// <summary>A campaign as callers see it.</summary>
/// <remarks>
/// The influencer members (<see cref="AudienceSize"/> to <see cref="TrackingConfig"/>) are written only when set: an
/// influencer campaign always has a tracking configuration, other kinds have none of them. Listings read the common
/// core only, so they leave them out; <c>GET /api/campaigns/{id}</c> has the whole campaign.
/// </remarks>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignView")]
public sealed partial record CampaignView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] CampaignKind Kind,
    [property: Id(4)] CampaignStatus Status,
    [property: Id(5)] long Budget,
    [property: Id(6)] long CurrentBudget,
    [property: Id(7)] string Currency,
    [property: Id(8)] IReadOnlyList<string> Goals,
    [property: Id(9)] IReadOnlyList<string> Platforms,
    [property: Id(10)] DateOnly? StartDate,
    [property: Id(11)] DateOnly? EndDate,
    [property: Id(12)] DateTimeOffset? ScheduledFor,
    [property: Id(13)] DateTimeOffset? StartedAt,
    [property: Id(14)] DateTimeOffset? CompletedAt,
    [property: Id(15)] DateTimeOffset CreatedAt,
    [property: Id(16)] DateTimeOffset UpdatedAt,
    [property: Id(17), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AudienceSize = null,
    [property: Id(18), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TargetLocation = null,
    // Written as target_audience by TargetAudienceMember, which outreach campaigns share (CampaignView.Outreach.cs).
    [property: Id(19), JsonIgnore] string? TargetAudience = null,
    [property: Id(20), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Influencer.TrackingConfig? TrackingConfig = null,
    [property: Id(21), JsonIgnore] string? ContentJson = null,
    [property: Id(22), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type = null,
    [property: Id(23), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? MediaUrls = null,
    [property: Id(24), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Guid>? SegmentIds = null,
    [property: Id(25), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? DuplicatedFrom = null,
    [property: Id(26), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PauseReason = null,
    [property: Id(27), JsonIgnore] Outreach.OutreachDetails? Outreach = null)
{
    /// <summary>The marketing content (per platform), written only when some has been applied (e.g. an A/B test winner).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public System.Text.Json.JsonElement? Content =>
        ContentJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(ContentJson);

    /// <summary>What has been spent so far: the part of the budget no longer current.</summary>
    public long Spent => Budget - CurrentBudget;
}
