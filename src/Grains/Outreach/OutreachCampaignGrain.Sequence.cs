using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Outreach;

/// <summary>
/// An outreach campaign's templates, sequence and picked audience (<see cref="ICampaignOutreachGrain"/>): kept in
/// PostgreSQL by <see cref="OutreachPlanRepository"/>, changed only through this grain so edits are serialized.
/// </summary>
/// <remarks>
/// Each call reads the campaign's facts afresh (one interleaved read of the campaign grain): status and ownership
/// decide what may be edited, and a cached copy could miss a delete. The send path never does this read.
/// </remarks>
public sealed partial class OutreachCampaignGrain
{
    public async Task<OutreachResult<IReadOnlyList<OutreachTemplate>>> ListTemplates(Guid organizationId) =>
        await Readable<IReadOnlyList<OutreachTemplate>>(organizationId) ?? OutreachResult<IReadOnlyList<OutreachTemplate>>.Ok(await services.Plans.CampaignTemplates(Id));

    public async Task<OutreachResult<OutreachTemplate>> CreateTemplate(Guid organizationId, Guid templateId, TemplateDraft draft)
    {
        if (await Editable<OutreachTemplate>(organizationId) is { } refused)
        {
            return refused;
        }

        return await services.Plans.InsertTemplate(organizationId, Id, templateId, draft) is { } template
            ? OutreachResult<OutreachTemplate>.Ok(template)
            : OutreachResult<OutreachTemplate>.Conflict("A template with this id already exists.");
    }

    public async Task<OutreachResult<OutreachTemplate>> UpdateTemplate(Guid organizationId, Guid templateId, TemplateChanges changes)
    {
        if (await Editable<OutreachTemplate>(organizationId) is { } refused)
        {
            return refused;
        }

        return await services.Plans.UpdateTemplate(organizationId, Id, templateId, changes) is { } template
            ? OutreachResult<OutreachTemplate>.Ok(template)
            : OutreachResult<OutreachTemplate>.NotFound("Template not found in this campaign.");
    }

    public async Task<OutreachResult<OutreachTemplate>> DeleteTemplate(Guid organizationId, Guid templateId)
    {
        if (await Editable<OutreachTemplate>(organizationId) is { } refused)
        {
            return refused;
        }

        return await services.Plans.DeleteTemplate(organizationId, Id, templateId) switch
        {
            (TemplateDeletion.Deleted, { } template) => OutreachResult<OutreachTemplate>.Ok(template),
            (TemplateDeletion.InUse, _) => OutreachResult<OutreachTemplate>.Conflict("A step of the sequence uses this template; change or delete the step first."),
            _ => OutreachResult<OutreachTemplate>.NotFound("Template not found in this campaign."),
        };
    }

    public async Task<OutreachResult<TemplatePreview>> PreviewTemplate(Guid organizationId, Guid templateId, Guid contactId)
    {
        if (await Readable<TemplatePreview>(organizationId) is { } refused)
        {
            return refused;
        }

        return await services.Plans.Template(organizationId, Id, templateId, presetsToo: true) is { } template
            ? await OutreachPreview.Render(services.Audience, services.Configuration, organizationId, template, contactId)
            : OutreachResult<TemplatePreview>.NotFound("Template not found in this campaign or the organization's presets.");
    }

    public async Task<OutreachResult<IReadOnlyList<OutreachStep>>> ListSteps(Guid organizationId) =>
        await Readable<IReadOnlyList<OutreachStep>>(organizationId) ?? OutreachResult<IReadOnlyList<OutreachStep>>.Ok(await services.Plans.Steps(Id));

    public async Task<OutreachResult<OutreachStep>> CreateStep(Guid organizationId, Guid stepId, StepDraft draft)
    {
        if (await Editable<OutreachStep>(organizationId) is { } refused)
        {
            return refused;
        }

        if (await StepReferences(organizationId, draft.TemplateId, draft.Conditions) is { } invalid)
        {
            return OutreachResult<OutreachStep>.Invalid(invalid);
        }

        return await services.Plans.InsertStep(Id, stepId, draft) is { } step
            ? OutreachResult<OutreachStep>.Ok(step)
            : OutreachResult<OutreachStep>.Conflict($"Another step already has order_index {draft.OrderIndex}; move or delete it first.");
    }

    public async Task<OutreachResult<OutreachStep>> UpdateStep(Guid organizationId, Guid stepId, StepChanges changes)
    {
        if (await Editable<OutreachStep>(organizationId) is { } refused)
        {
            return refused;
        }

        if (await StepReferences(organizationId, changes.TemplateId, changes.Conditions) is { } invalid)
        {
            return OutreachResult<OutreachStep>.Invalid(invalid);
        }

        return await services.Plans.UpdateStep(Id, stepId, changes) switch
        {
            (false, _) => OutreachResult<OutreachStep>.NotFound("Step not found in this campaign."),
            (true, { } step) => OutreachResult<OutreachStep>.Ok(step),
            _ => OutreachResult<OutreachStep>.Conflict($"Another step already has order_index {changes.OrderIndex}; move or delete it first."),
        };
    }

    public async Task<OutreachResult<OutreachStep>> DeleteStep(Guid organizationId, Guid stepId)
    {
        if (await Editable<OutreachStep>(organizationId) is { } refused)
        {
            return refused;
        }

        return await services.Plans.DeleteStep(Id, stepId) is { } step
            ? OutreachResult<OutreachStep>.Ok(step)
            : OutreachResult<OutreachStep>.NotFound("Step not found in this campaign.");
    }

    public async Task<OutreachResult<AudienceImport>> ImportAudience(Guid organizationId, IReadOnlyList<AudienceRow> rows)
    {
        if (await Editable<AudienceImport>(organizationId) is { } refused)
        {
            return refused;
        }

        var picked = Brief.Audience.ContactIds.Count;
        if (picked + rows.Count > OutreachAudience.MaxContactIds)
        {
            // Checked before any contact is written: rows already in the audience count too, so nothing is half-imported.
            return OutreachResult<AudienceImport>.Invalid("content",
                $"The audience may pick at most {OutreachAudience.MaxContactIds:N0} contacts; it has {picked:N0} and the file has {rows.Count:N0} rows.");
        }

        var import = await services.Audience.Import(organizationId, rows);
        var brief = Brief;
        var known = brief.Audience.ContactIds.ToHashSet();
        var added = import.ContactIds.Where(known.Add).ToList();
        if (added.Count > 0)
        {
            // The section is the campaign's configuration, so the campaign grain keeps it; it calls no hook back.
            var changed = brief with { Audience = brief.Audience with { ContactIds = [.. brief.Audience.ContactIds, .. added] } };
            await Campaign.SetOutreachBrief(organizationId, changed);
            facts = facts! with { Outreach = changed };
        }

        return OutreachResult<AudienceImport>.Ok(import);
    }

    private Task<IReadOnlyDictionary<string, string[]>?> StepReferences(Guid organizationId, Guid? templateId, StepConditions? conditions) =>
        OutreachReferences.CheckStep(services.Plans, services.Pipelines, organizationId, Id, templateId, conditions);

    private async Task<OutreachResult<T>?> Readable<T>(Guid organizationId)
    {
        facts = await Campaign.Facts();
        if (facts is null || facts.OrganizationId != organizationId)
        {
            return OutreachResult<T>.NotFound("Campaign not found.");
        }

        return facts.Kind == CampaignKind.Outreach
            ? null
            : OutreachResult<T>.Invalid("kind", $"Only outreach campaigns have templates, steps and audience imports; this one is '{DbNames.Of(facts.Kind)}'.");
    }

    private async Task<OutreachResult<T>?> Editable<T>(Guid organizationId) =>
        await Readable<T>(organizationId)
        ?? (SequenceEditing.IsEditable(facts!.Status) ? null : OutreachResult<T>.Conflict(SequenceEditing.Refusal(facts.Status)));
}
