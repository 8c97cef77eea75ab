using System.Text.Json;

namespace Campaigns.Integrations.Apify;

/// <summary>The dataset items an actor run produced, with the run that produced them.</summary>
public sealed record ApifyActorResult(IReadOnlyList<JsonElement> Items, ApifyRun Run);
