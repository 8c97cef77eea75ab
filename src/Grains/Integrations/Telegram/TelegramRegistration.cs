using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Campaigns.Integrations.Telegram;

/// <summary>Registers the Telegram.Bot plumbing: options, the named HttpClient (token-free logging) and the gateway.</summary>
public static class TelegramRegistration
{
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>()
            .Bind(configuration.GetSection(TelegramOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Telegram:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.WebhookBaseUrl is null || Uri.TryCreate(o.WebhookBaseUrl, UriKind.Absolute, out _),
                "Telegram:WebhookBaseUrl must be an absolute URL.")
            .Validate(o => o.DailyCap >= 1, "Telegram:DailyCap must be at least 1.")
            .Validate(o => o.MaxRetries >= 0 && o.RetryBaseDelay >= TimeSpan.Zero && o.RequestTimeout > TimeSpan.Zero,
                "Telegram:MaxRetries, RetryBaseDelay and RequestTimeout must not be negative.")
            .Validate(o => o.LongPollTimeout >= TimeSpan.Zero && o.LongPollTimeout <= TimeSpan.FromSeconds(50),
                "Telegram:LongPollTimeout must be 0 to 50 seconds.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TelegramHttpLogger>();
        services.AddHttpClient(TelegramBots.HttpClientName, (provider, http) =>
            {
                // Long polls hold a request open for LongPollTimeout; sends are bounded by the gateway's own timeout.
                var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
                http.Timeout = options.LongPollTimeout + TimeSpan.FromSeconds(30);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // The benchmark sends hundreds of messages a second to one host.
                MaxConnectionsPerServer = 256,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers()
            .AddLogger<TelegramHttpLogger>();
        services.TryAddSingleton<TelegramBots>();
        services.TryAddSingleton<SendingAccountTokens>();
        services.TryAddSingleton<ITelegramGateway, TelegramGateway>();
        return services;
    }
}
