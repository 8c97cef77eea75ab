
namespace Campaigns.Simulators.Telegram;

/// <summary>A Telegram user the simulator knows.</summary>
public sealed record TelegramUser(long Id, string FirstName, string? Username = null, string? LastName = null, bool IsBot = false);

/// <summary>A group, supergroup or channel (ids are negative, as Telegram's are).</summary>
public sealed record TelegramGroup(long Id, string Title, string Type);
