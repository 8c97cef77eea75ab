
namespace Campaigns.Simulators.Telegram;

/// <summary>A message the simulator accepted from a bot.</summary>
public sealed record SentTelegramMessage(long BotId, long ChatId, string Text, long MessageId, DateTimeOffset At);
