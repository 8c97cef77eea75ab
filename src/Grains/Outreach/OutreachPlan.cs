
namespace Campaigns.Outreach;

/// <summary>What a campaign sends: its steps in order and every template they use (its own and organization presets).</summary>
/// <param name="Version">The campaign's plan version: it grows with every change to the steps or a template they use, so a cached plan can tell it is stale.</param>
public sealed record OutreachPlan(
    IReadOnlyList<OutreachStep> Steps,
    IReadOnlyDictionary<Guid, OutreachTemplate> Templates,
    long Version = 0)
{
    public static readonly OutreachPlan Empty = new([], new Dictionary<Guid, OutreachTemplate>());
}
