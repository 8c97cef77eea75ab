
namespace Campaigns.Outreach;

/// <summary>An outreach campaign's section as <c>GET /api/campaigns/{id}</c> shows it: the brief, its templates and its sequence.</summary>
/// <param name="Templates">The campaign's own templates (presets its steps use are listed by <c>GET /api/campaigns/presets</c>).</param>
/// <param name="Steps">In <see cref="OutreachStep.OrderIndex"/> order.</param>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachDetails")]
public sealed record OutreachDetails(
    [property: Id(0)] OutreachBrief Brief,
    [property: Id(1)] IReadOnlyList<OutreachTemplate> Templates,
    [property: Id(2)] IReadOnlyList<OutreachStep> Steps);
