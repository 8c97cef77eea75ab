using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Configuration;
using Orleans.Concurrency;

namespace Campaigns.Outreach;

/// <summary>Stateless front of the organization's message presets and the contact picker; scales out with load.</summary>
[StatelessWorker]
public sealed class OutreachLibraryGrain(OutreachPlanRepository plans, OutreachAudienceRepository contacts, IConfiguration configuration)
    : Grain, IOutreachLibraryGrain
{
    /// <summary>Changing a preset while such a campaign uses it would change messages mid-sequence.</summary>
    private static readonly IReadOnlyList<string> Running = [DbNames.Of(CampaignStatus.Active)];

    public Task<Page<OutreachTemplate>> ListPresets(Guid organizationId, int limit, Guid? after) =>
        plans.Presets(organizationId, limit, after);

    public async Task<CommandResult<OutreachTemplate>> CreatePreset(Guid organizationId, Guid presetId, TemplateDraft draft) =>
        await plans.InsertTemplate(organizationId, null, presetId, draft) is { } preset
            ? CommandResult<OutreachTemplate>.Ok(preset)
            : CommandResult<OutreachTemplate>.Conflict("A template with this id already exists.");

    public async Task<CommandResult<OutreachTemplate>> UpdatePreset(Guid organizationId, Guid presetId, TemplateChanges changes)
    {
        if (await plans.Template(organizationId, null, presetId, presetsToo: true) is null)
        {
            return CommandResult<OutreachTemplate>.NotFound("Preset not found.");
        }

        if (changes.Content is not null && await plans.UsedByCampaignIn(presetId, Running))
        {
            return CommandResult<OutreachTemplate>.Conflict("An active campaign's sequence uses this preset; pause the campaign (or copy the preset) to change its content.");
        }

        return await plans.UpdateTemplate(organizationId, null, presetId, changes) is { } preset
            ? CommandResult<OutreachTemplate>.Ok(preset)
            : CommandResult<OutreachTemplate>.NotFound("Preset not found.");
    }

    public async Task<CommandResult<OutreachTemplate>> DeletePreset(Guid organizationId, Guid presetId) =>
        await plans.DeleteTemplate(organizationId, null, presetId) switch
        {
            (TemplateDeletion.Deleted, { } preset) => CommandResult<OutreachTemplate>.Ok(preset),
            (TemplateDeletion.InUse, _) => CommandResult<OutreachTemplate>.Conflict("A campaign's sequence uses this preset; change or delete its steps first."),
            _ => CommandResult<OutreachTemplate>.NotFound("Preset not found."),
        };

    public async Task<CommandResult<TemplatePreview>> PreviewPreset(Guid organizationId, Guid presetId, Guid contactId) =>
        await plans.Template(organizationId, null, presetId, presetsToo: true) is { } preset
            ? (await OutreachPreview.Render(contacts, configuration, organizationId, preset, contactId)).ToCommandResult()
            : CommandResult<TemplatePreview>.NotFound("Preset not found.");

    public Task<Page<PickerContact>> ContactsForPicker(Guid organizationId, PickerQuery query) => contacts.Picker(organizationId, query);
}
