using Campaigns.Integrations.Apify;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Campaigns.Influencer;

/// <summary>Registers the Apify client and the queue worker from the configuration section <c>Apify</c>.</summary>
public static class ApifyWorkerRegistration
{
    public static IServiceCollection AddApifyJobWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApifyClient(configuration);
        services.AddOptions<ApifyWorkerOptions>()
            .Bind(configuration.GetSection(ApifyOptions.SectionName))
            .Validate(options => options.Workers >= 1, "Apify:Workers must be at least 1.")
            .Validate(options => options.IdlePollInterval > TimeSpan.Zero && options.ReleaseHeldInterval > TimeSpan.Zero,
                "Apify:IdlePollInterval and Apify:ReleaseHeldInterval must be positive.")
            .Validate(options => options.RunningJobTimeout > ApifyJobProcessor.RunBudget,
                $"Apify:RunningJobTimeout must exceed the run budget ({ApifyJobProcessor.RunBudget}).");
        services.TryAddSingleton<IScrapeCompletedHandler, AllocationScrapeHandler>();
        // Transient like the typed client it holds, which must not live as long as the worker.
        services.TryAddTransient<ApifyJobProcessor>();
        services.AddHostedService<ApifyJobWorker>();
        return services;
    }
}
