
namespace Campaigns.Outreach;

/// <summary>A participant's place in its sequence (seed campaign_participants.status, plus failed and completed).</summary>
[GenerateSerializer, Alias("campaigns.ParticipantStatus")]
public enum ParticipantStatus
{
    Pending = 0,
    Sent = 1,
    Delivered = 2,
    Replied = 3,
    Bounced = 4,
    Stopped = 5,
    Failed = 6,
    Completed = 7,
}
