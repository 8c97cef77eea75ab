using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Templates;

/// <summary>A campaign template: built-in (no organization) or an organization's own.</summary>
/// <param name="SettingsJson">The campaign fields a new campaign starts with, as a JSON object in the API's spelling.</param>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignTemplate")]
public sealed record CampaignTemplate(
    [property: Id(0)] Guid Id,
    [property: Id(1), JsonIgnore] Guid? OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Description,
    [property: Id(4)] string Niche,
    [property: Id(5)] string? Type,
    [property: Id(6), JsonIgnore] string SettingsJson,
    [property: Id(7)] int UsageCount,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt)
{
    public static readonly IReadOnlyList<string> Niches = ["fitness", "gaming", "adult", "fashion", "general"];

    /// <summary>Shipped with the product rather than saved by an organization.</summary>
    public bool BuiltIn => OrganizationId is null;

    public JsonElement Settings => JsonSerializer.Deserialize<JsonElement>(SettingsJson);
}

[GenerateSerializer, Immutable, Alias("campaigns.TemplateQuery")]
public sealed record TemplateQuery(
    [property: Id(0)] string? Niche,
    [property: Id(1)] string? Type,
    [property: Id(2)] Guid? After,
    [property: Id(3)] int Limit);

/// <summary>Templates over the <c>campaign_templates</c> table; every call names the caller's organization.</summary>
[Alias("campaigns.ICampaignTemplatesGrain")]
public interface ICampaignTemplatesGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<Page<CampaignTemplate>> List(Guid organizationId, TemplateQuery query);

    /// <summary>A built-in template or one of the organization's own; null otherwise.</summary>
    [Alias("Get")]
    Task<CampaignTemplate?> Get(Guid organizationId, Guid id);

    [Alias("Save")]
    Task<CampaignTemplate> Save(Guid organizationId, string name, string? description, string niche, string? type, string settingsJson);

    /// <summary>Renames or re-files one of the organization's own templates; built-ins answer Conflict.</summary>
    [Alias("Update")]
    Task<CommandResult<CampaignTemplate>> Update(Guid organizationId, Guid id, CampaignTemplateChanges changes);

    /// <summary>Deletes one of the organization's own templates; built-ins answer Conflict.</summary>
    [Alias("Delete")]
    Task<CommandResult<CampaignTemplate>> Delete(Guid organizationId, Guid id);

    [Alias("CountUse")]
    Task CountUse(Guid id);

    /// <summary>
    /// Creates campaign <paramref name="campaignId"/> from <paramref name="draft"/> (the template's fields with the
    /// caller's customization, already validated) and counts the use of template <paramref name="templateId"/>.
    /// </summary>
    [Alias("Instantiate")]
    Task<CommandResult<CampaignView>> Instantiate(Guid organizationId, Guid templateId, Guid campaignId, CampaignDraft draft);
}

/// <summary>A partial update of an organization's template: null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CampaignTemplateChanges")]
public sealed record CampaignTemplateChanges(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] bool ClearDescription,
    [property: Id(3)] string? Niche);
