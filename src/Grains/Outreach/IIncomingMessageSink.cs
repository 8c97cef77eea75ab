
namespace Campaigns.Outreach;

/// <summary>
/// Where the Telegram update intake hands a private message a user wrote to a sending account's bot
/// (a reply, or /start). Outreach marks that contact's participants replied.
/// </summary>
/// <remarks>Called at least once per message (an update can be read twice after a crash); implementations are idempotent.</remarks>
public interface IIncomingMessageSink
{
    Task OnPrivateMessage(IncomingPrivateMessage message, CancellationToken cancellationToken);
}

/// <param name="ContactId">The CRM contact with this Telegram user id in the account's organization, if any.</param>
public sealed record IncomingPrivateMessage(
    Guid OrganizationId,
    Guid SendingAccountId,
    long TelegramUserId,
    Guid? ContactId,
    long MessageId,
    string? Text,
    DateTimeOffset At);
