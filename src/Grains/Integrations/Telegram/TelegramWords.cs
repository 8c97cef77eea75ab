
namespace Campaigns.Integrations.Telegram;

/// <summary>Telegram's terse refusals, said plainly for the participant's reason and the API's errors.</summary>
public static class TelegramWords
{
    public static string Forbidden(string description) => description switch
    {
        _ when description.Contains("can't initiate conversation", StringComparison.OrdinalIgnoreCase) =>
            $"The contact has not started the bot, and a bot cannot start a conversation with someone who has not (Telegram: \"{description}\").",
        _ when description.Contains("blocked by the user", StringComparison.OrdinalIgnoreCase) =>
            $"The contact blocked the bot (Telegram: \"{description}\").",
        _ when description.Contains("deactivated", StringComparison.OrdinalIgnoreCase) =>
            $"The contact's Telegram account was deleted (Telegram: \"{description}\").",
        _ => $"Telegram refused to deliver: \"{description}\".",
    };
}
