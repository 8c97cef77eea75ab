using Campaigns.Infrastructure;

namespace Campaigns.Outreach;

/// <summary>
/// Organization-level outreach resources that belong to no single campaign: message presets (seed: campaign
/// templates with no campaign) and the contact picker. Stateless; every method takes the organization.
/// </summary>
[Alias("campaigns.IOutreachLibraryGrain")]
public interface IOutreachLibraryGrain : IGrainWithIntegerKey
{
    [Alias("ListPresets")] Task<Page<OutreachTemplate>> ListPresets(Guid organizationId, int limit, Guid? after);
    [Alias("CreatePreset")] Task<CommandResult<OutreachTemplate>> CreatePreset(Guid organizationId, Guid presetId, TemplateDraft draft);

    /// <summary>A preset an active campaign's step uses cannot change (Conflict): it would change messages being sent.</summary>
    [Alias("UpdatePreset")] Task<CommandResult<OutreachTemplate>> UpdatePreset(Guid organizationId, Guid presetId, TemplateChanges changes);

    /// <summary>A preset any step uses cannot be deleted (Conflict).</summary>
    [Alias("DeletePreset")] Task<CommandResult<OutreachTemplate>> DeletePreset(Guid organizationId, Guid presetId);

    [Alias("PreviewPreset")] Task<CommandResult<TemplatePreview>> PreviewPreset(Guid organizationId, Guid presetId, Guid contactId);

    /// <summary>The seed's contacts-for-picker: contacts reachable on Telegram, each with its outreach status.</summary>
    [Alias("ContactsForPicker")] Task<Page<PickerContact>> ContactsForPicker(Guid organizationId, PickerQuery query);
}

[GenerateSerializer, Alias("campaigns.OutreachContactStatus")]
public enum OutreachContactStatus
{
    /// <summary>Not a participant of any running (non-final) campaign of the organization.</summary>
    New = 0,

    /// <summary>A participant of at least one campaign of the organization that is not completed or cancelled.</summary>
    InOutreach = 1,
}

/// <param name="Status">Only contacts with this status; null for both.</param>
/// <param name="Search">Matched as a substring of name, e-mail, phone and Telegram username, ignoring case.</param>
[GenerateSerializer, Immutable, Alias("campaigns.PickerQuery")]
public sealed record PickerQuery(
    [property: Id(0)] OutreachContactStatus? Status,
    [property: Id(1)] string? Search,
    [property: Id(2)] int Limit,
    [property: Id(3)] Guid? After);

[GenerateSerializer, Immutable, Alias("campaigns.PickerContact")]
public sealed record PickerContact(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string? FirstName,
    [property: Id(2)] string? LastName,
    [property: Id(3)] string? Email,
    [property: Id(4)] long? TelegramId,
    [property: Id(5)] string? TelegramUsername,
    [property: Id(6)] Guid? CompanyId,
    [property: Id(7)] string? CompanyName,
    [property: Id(8)] OutreachContactStatus OutreachStatus);
