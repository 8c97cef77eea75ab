using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace Campaigns.Integrations.Apify;

/// <summary>Registers <see cref="ApifyClient"/> as a typed HttpClient with its options and retry handler.</summary>
public static class ApifyRegistration
{
    public static IServiceCollection AddApifyClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApifyOptions>().Bind(configuration.GetSection(ApifyOptions.SectionName));
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
                pipeline.AddRetry(ApifyRetryPolicy.For(options));
            });

        return services;
    }
}
