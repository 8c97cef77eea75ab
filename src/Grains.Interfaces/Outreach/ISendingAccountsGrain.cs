using Campaigns.Infrastructure;

namespace Campaigns.Outreach;

/// <summary>
/// The organization's sending accounts (Telegram bots) and what their bots learned: the API's door to
/// <c>sending_accounts</c>, <c>telegram_chats</c> and <c>telegram_chat_members</c>. Every method takes the organization,
/// so another's ids are never found.
/// </summary>
[Alias("campaigns.ISendingAccountsGrain")]
public interface ISendingAccountsGrain : IGrainWithIntegerKey
{
    /// <summary>Checks the token with getMe; a refusal is Invalid on <c>bot_token</c> with Telegram's words.</summary>
    [Alias("Create")] Task<CommandResult<SendingAccountView>> Create(Guid organizationId, Guid accountId, SendingAccountDraft draft);
    [Alias("Get")] Task<SendingAccountView?> Get(Guid organizationId, Guid accountId);
    [Alias("List")] Task<IReadOnlyList<SendingAccountView>> List(Guid organizationId);
    [Alias("Update")] Task<CommandResult<SendingAccountView>> Update(Guid organizationId, Guid accountId, SendingAccountChanges changes);
    [Alias("Delete")] Task<bool> Delete(Guid organizationId, Guid accountId);

    /// <summary>The seed's agents: every account of the organization with its sends today (UTC day).</summary>
    [Alias("Agents")] Task<IReadOnlyList<SendingAgent>> Agents(Guid organizationId);

    /// <summary>The organization's first active account (oldest first): the seed's default when no bd_account_id is given.</summary>
    [Alias("FirstActive")] Task<Guid?> FirstActive(Guid organizationId);

    [Alias("GroupSources")] Task<IReadOnlyList<GroupSource>> GroupSources(Guid organizationId);

    /// <summary>The users seen in the chat as contacts, creating missing ones in one transaction; null when the account or chat is not the organization's.</summary>
    [Alias("ContactsFromGroup")] Task<GroupContacts?> ContactsFromGroup(Guid organizationId, Guid accountId, long chatId);
}
