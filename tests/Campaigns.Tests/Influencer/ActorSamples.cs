using System.Text.Json;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

/// <summary>The sample actor outputs in <c>Samples/</c>, copied beside the test assembly.</summary>
internal static class ActorSamples
{
    public static IReadOnlyList<JsonElement> Items(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Rules", "Influencer", "Samples", file);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(item => item.Clone()).ToList();
    }

    public static JsonElement Item(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
