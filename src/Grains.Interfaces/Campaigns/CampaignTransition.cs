
namespace Campaigns.Campaigns;

/// <summary>A lifecycle command a caller can issue against a campaign.</summary>
[GenerateSerializer, Alias("campaigns.CampaignTransition")]
public enum CampaignTransition
{
    Schedule = 0,
    Launch = 1,
    Pause = 2,
    Resume = 3,
    Complete = 4,
    Cancel = 5,
}

/// <summary>A lifecycle command with its argument (only scheduling takes one).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignTransitionRequest")]
public sealed record CampaignTransitionRequest(
    [property: Id(0)] CampaignTransition Transition,
    [property: Id(1)] DateTimeOffset? ScheduledFor = null);
