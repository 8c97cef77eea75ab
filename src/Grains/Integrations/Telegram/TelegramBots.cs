using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Campaigns.Integrations.Telegram;

/// <summary>Makes Telegram.Bot clients for a token, on the factory's pooled handler and pointed at <c>Telegram:BaseUrl</c>.</summary>
public sealed class TelegramBots(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";

    public TelegramOptions Options => options.Value;

    /// <summary>A client is a token plus the shared handler: cheap enough to make per call.</summary>
    public ITelegramBotClient For(string token) =>
        new TelegramBotClient(
            new TelegramBotClientOptions(token, options.Value.BaseUrl.TrimEnd('/'))
            {
                // 429 is answered to the caller (the pacing grain holds the account), never slept on here.
                RetryCount = 0,
            },
            httpClients.CreateClient(HttpClientName));
}
