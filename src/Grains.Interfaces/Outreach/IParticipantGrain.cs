
namespace Campaigns.Outreach;

/// <summary>
/// One contact inside one outreach campaign (key: the campaign id, extended by the contact id in "N" format): its
/// step, status and <c>next_send_at</c>. Its state is in grain storage; <c>outreach_participants</c> is its projection.
/// </summary>
/// <remarks>Every method is idempotent: a wake with nothing due, a reply seen twice, or a repeated operator call changes nothing more.</remarks>
[Alias("campaigns.IParticipantGrain")]
public interface IParticipantGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Sends the due step if the campaign is active and its account's pacing allows; otherwise reschedules or does nothing.</summary>
    [Alias("Wake")] Task Wake();

    /// <summary>The contact wrote to the sending account: replied, remaining <c>delay</c> steps cancelled, an <c>after_reply</c> step scheduled.</summary>
    [Alias("OnReply")] Task OnReply(long messageId, DateTimeOffset at);

    /// <summary>Operator: the held step (its outcome unknown after a crash) is sent again now.</summary>
    [Alias("Retry")] Task<ParticipantCommandResult> Retry();

    /// <summary>Operator: the held step is taken as sent (its row stays <c>unknown</c>); the sequence goes on from now.</summary>
    [Alias("Skip")] Task<ParticipantCommandResult> Skip();

    [Alias("Get")] Task<ParticipantView?> Get();
}

public static class ParticipantKeys
{
    public static IParticipantGrain Participant(this IGrainFactory grains, Guid campaignId, Guid contactId) =>
        grains.GetGrain<IParticipantGrain>(campaignId, contactId.ToString("N"), null);
}

[GenerateSerializer, Alias("campaigns.ParticipantCommandOutcome")]
public enum ParticipantCommandOutcome
{
    Ok = 0,
    NotFound = 1,

    /// <summary>The participant is not held on a step whose outcome is unknown.</summary>
    Conflict = 2,
}

[GenerateSerializer, Immutable, Alias("campaigns.ParticipantCommandResult")]
public sealed record ParticipantCommandResult(
    [property: Id(0)] ParticipantCommandOutcome Outcome,
    [property: Id(1)] ParticipantView? Participant = null,
    [property: Id(2)] string? Message = null);

/// <summary>A participant as the API shows it.</summary>
/// <param name="CurrentStep">The order index of the next step to send (past the last once done).</param>
/// <param name="Held">Waiting for an operator: the outcome of <see cref="CurrentStep"/>'s send is unknown.</param>
[GenerateSerializer, Immutable, Alias("campaigns.ParticipantView")]
public sealed record ParticipantView(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] Guid ContactId,
    [property: Id(2)] ParticipantStatus Status,
    [property: Id(3)] int CurrentStep,
    [property: Id(4)] DateTimeOffset? NextSendAt,
    [property: Id(5)] DateTimeOffset? LastSentAt,
    [property: Id(6)] DateTimeOffset? RepliedAt,
    [property: Id(7)] string? Reason,
    [property: Id(8)] Guid? SendingAccountId,
    [property: Id(9)] long? ChatId,
    [property: Id(10)] bool Held,
    [property: Id(11)] DateTimeOffset UpdatedAt);
