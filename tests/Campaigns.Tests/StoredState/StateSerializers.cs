using Campaigns.Silo.StoredState;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Campaigns.Tests.StoredState;

/// <summary>The storage serializer exactly as silos build it, outside a silo.</summary>
public static class StateSerializers
{
    private static readonly Lazy<ServiceProvider> Services = new(() => new ServiceCollection().AddSerializer().BuildServiceProvider());

    public static Serializer Orleans => Services.Value.GetRequiredService<Serializer>();

    public static DeepCopier Copier => Services.Value.GetRequiredService<DeepCopier>();

    public static GrainStateSerializer Product => new(Orleans);

    public static string LegacyRow(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StoredState", "LegacyRows", name + ".json"));
}
