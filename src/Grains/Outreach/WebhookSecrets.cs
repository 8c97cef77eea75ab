using System.Security.Cryptography;

namespace Campaigns.Outreach;

/// <summary>
/// The secret Telegram echoes in <c>X-Telegram-Bot-Api-Secret-Token</c> on every webhook call: 32 random bytes in
/// lower-case hex (Telegram allows 1–256 characters of A–Z, a–z, 0–9, _ and -). One definition, so the webhook endpoint can refuse a malformed one before any database read.
/// </summary>
public static class WebhookSecrets
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static bool IsWellFormed(string? secret) =>
        secret is { Length: 64 } && secret.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
