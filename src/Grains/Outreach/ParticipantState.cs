
namespace Campaigns.Outreach;

/// <summary>What a participant grain persists (kept small: an idle participant is not in memory at all, but its record is read on every wake).</summary>
[GenerateSerializer, Alias("campaigns.ParticipantState")]
public sealed class ParticipantState
{
    [Id(0)] public Guid OrganizationId { get; set; }
    [Id(1)] public Guid SendingAccountId { get; set; }
    [Id(2)] public long? ChatId { get; set; }
    [Id(3)] public ParticipantStatus Status { get; set; }

    /// <summary>The order index of the next step to consider.</summary>
    [Id(4)] public int CurrentStep { get; set; }
    [Id(5)] public DateTimeOffset? NextSendAt { get; set; }
    [Id(6)] public DateTimeOffset? LastSentAt { get; set; }
    [Id(7)] public DateTimeOffset? RepliedAt { get; set; }
    [Id(8)] public string? Reason { get; set; }

    /// <summary>Bumped on every write; the projection row only takes newer versions.</summary>
    [Id(9)] public long Version { get; set; }

    /// <summary>The step whose send was recorded as intent and handed to Telegram; set on activation only after a crash.</summary>
    [Id(10)] public int? InFlightStep { get; set; }

    /// <summary>Waiting for an operator: the send of <see cref="CurrentStep"/> has an unknown outcome.</summary>
    [Id(11)] public bool Held { get; set; }

    /// <summary>A send slot the account granted for later; used when it comes instead of asking again.</summary>
    [Id(12)] public DateTimeOffset? SlotAt { get; set; }

    /// <summary>Steps skipped because their conditions failed (no send, no outreach_sends row).</summary>
    [Id(13)] public List<int> Skipped { get; set; } = [];

    [Id(14)] public bool LeadCreated { get; set; }

    /// <summary>The next_send_at the participant's reminder is registered for; null when none is.</summary>
    [Id(15)] public DateTimeOffset? ReminderFor { get; set; }

    /// <summary>The message that made the participant replied (replies are idempotent per message).</summary>
    [Id(16)] public long? ReplyMessageId { get; set; }

    [Id(17)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The step an operator asked to retry: its reopened intent row is this participant's to send.</summary>
    [Id(18)] public int? RetryStep { get; set; }

    public bool IsFinal => Status is ParticipantStatus.Bounced or ParticipantStatus.Stopped or ParticipantStatus.Failed or ParticipantStatus.Completed;
}
