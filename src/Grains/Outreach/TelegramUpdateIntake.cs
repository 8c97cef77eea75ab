using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Campaigns.Outreach;

/// <summary>
/// What the platform learns from one Telegram update of a sending account's bot: private chats (with the CRM contact
/// they are), the groups and channels the bot is in and the users seen there; and every private message from a person
/// goes to each <see cref="IIncomingMessageSink"/>. Idempotent: an update read twice after a crash changes nothing more.
/// </summary>
public sealed class TelegramUpdateIntake(TelegramChatRepository chats, IEnumerable<IIncomingMessageSink> sinks)
{
    private readonly IIncomingMessageSink[] sinks = sinks.ToArray();

    public async Task Handle(SendingAccountSecrets account, Update update, CancellationToken cancellationToken)
    {
        if (update.Message is { } message)
        {
            await OnMessage(account, message, cancellationToken);
        }
        else if (update.ChannelPost is { } post)
        {
            await RecordGroup(account, post.Chat, post.Date);
        }
        else if (update.MyChatMember is { } membership)
        {
            await OnMembership(account, membership);
        }
    }

    private async Task OnMessage(SendingAccountSecrets account, Message message, CancellationToken cancellationToken)
    {
        if (message.Chat.Type == ChatType.Private)
        {
            if (message.From is not { IsBot: false } from)
            {
                return;
            }

            var at = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc));
            var contactId = await chats.RecordPrivateChat(account.Id, account.OrganizationId, Person(from), at);
            var incoming = new IncomingPrivateMessage(account.OrganizationId, account.Id, from.Id, contactId, message.Id, message.Text, at);
            foreach (var sink in sinks)
            {
                await sink.OnPrivateMessage(incoming, cancellationToken);
            }

            return;
        }

        await RecordGroup(account, message.Chat, message.Date);
        if (message.LeftChatMember is { } left && left.Id == account.BotUserId)
        {
            await chats.MarkLeft(account.Id, message.Chat.Id);
            return;
        }

        var seen = new List<TelegramPerson>();
        if (message.From is { IsBot: false } author)
        {
            seen.Add(Person(author));
        }

        seen.AddRange((message.NewChatMembers ?? []).Where(u => !u.IsBot).Select(Person));
        await chats.RecordMembers(account.Id, message.Chat.Id, seen, Utc(message.Date));
    }

    private async Task OnMembership(SendingAccountSecrets account, ChatMemberUpdated membership)
    {
        var stillIn = membership.NewChatMember.IsInChat;
        if (membership.Chat.Type == ChatType.Private)
        {
            // In a private chat this is the user blocking (kicked) or unblocking the bot.
            if (!stillIn)
            {
                await chats.MarkLeft(account.Id, membership.Chat.Id);
            }

            return;
        }

        await RecordGroup(account, membership.Chat, membership.Date);
        if (!stillIn)
        {
            await chats.MarkLeft(account.Id, membership.Chat.Id);
        }
    }

    private Task RecordGroup(SendingAccountSecrets account, Chat chat, DateTime date) =>
        chats.RecordGroup(account.Id, account.OrganizationId, chat.Id, ChatTypeName(chat.Type), chat.Title, chat.Username, Utc(date));

    private static string ChatTypeName(ChatType type) => type switch
    {
        ChatType.Group => "group",
        ChatType.Supergroup => "supergroup",
        ChatType.Channel => "channel",
        _ => "private",
    };

    private static TelegramPerson Person(User user) => new(user.Id, user.Username, user.FirstName, user.LastName);

    private static DateTimeOffset Utc(DateTime date) => new(DateTime.SpecifyKind(date, DateTimeKind.Utc));
}
