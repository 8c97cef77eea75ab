using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Campaigns.Integrations.Apify;

/// <summary>Registers <see cref="ApifyClient"/> as a typed HttpClient with its options and retry handler.</summary>
public static class ApifyRegistration
{
    public static IServiceCollection AddApifyClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApifyOptions>()
            .Bind(configuration.GetSection(ApifyOptions.SectionName))
            .Validate(options => Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Apify:BaseUrl must be an absolute http(s) URL.")
            .Validate(options => options.MaxRetryAttempts >= 1, "Apify:MaxRetryAttempts must be at least 1.")
            .Validate(options => options.PollInterval > TimeSpan.Zero && options.RequestTimeout > TimeSpan.Zero,
                "Apify:PollInterval and Apify:RequestTimeout must be positive.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApifyHttpLogger>();

        services.AddHttpClient<ApifyClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<ApifyOptions>>().Value;
                http.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
                // The synchronous endpoint holds a request open for up to five minutes; the client bounds each wait itself.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default loggers put raw header values (the bearer token) into structured log state.
            .RemoveAllLoggers()
            .AddLogger<ApifyHttpLogger>()
            .AddResilienceHandler("apify-retries", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ApifyOptions>>().Value;
                ApifyResilience.Configure(pipeline, options);
            });

        return services;
    }
}
