using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Silo.StoredState;
using Campaigns.StoredState;
using Campaigns.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Providers;
using Orleans.Storage;

namespace Campaigns.Silo;

/// <summary>Wires <see cref="UnreadableStateGuard"/> around the default grain storage provider.</summary>
public static class UnreadableStateReporting
{
    /// <summary>
    /// Puts the guard in front of the default grain storage provider registered before this call, whatever its options
    /// (serializer included), so the provider's own registration stays as its package documents it.
    /// </summary>
    /// <remarks>
    /// Orleans resolves grain storage as the keyed singleton <c>IGrainStorage</c> named
    /// <see cref="ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME"/>: the unkeyed <c>IGrainStorage</c> that
    /// <c>[PersistentState]</c> without a storage name uses, and the provider's silo lifecycle participant, are both
    /// registered as look-ups of that keyed service. Replacing the keyed registration with the guard (which builds the
    /// provider from the original factory, under the same name, so the provider still reads its own named options) is
    /// therefore enough for every path to go through the guard, and the guard passes the lifecycle on to the provider.
    /// </remarks>
    public static ISiloBuilder ReportUnreadableGrainState(this ISiloBuilder silo)
    {
        var services = silo.Services;
        var provider = services.LastOrDefault(d =>
                d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService
                && Equals(d.ServiceKey, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME))
            ?? throw new InvalidOperationException("ReportUnreadableGrainState decorates the default grain storage provider: register it first.");
        var createProvider = provider.KeyedImplementationFactory
            ?? throw new InvalidOperationException("The default grain storage provider is not registered through a factory, as Orleans' AddGrainStorage does.");

        services.Remove(provider);
        services.AddKeyedSingleton<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, key) => new UnreadableStateGuard(
            (IGrainStorage)createProvider(sp, key),
            sp.GetRequiredService<UnreadableStateLedger>(),
            sp.GetRequiredService<ILogger<UnreadableStateGuard>>()));
        services.TryAddSingleton<GrainStateFailureRepository>();
        services.TryAddSingleton<UnreadableStateLedger>();
        return silo;
    }
}
