using Campaigns.Audit;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Campaigns;

/// <summary>
/// An outreach campaign's templates, sequence and picked audience (<see cref="ICampaignOutreachGrain"/>): kept in
/// PostgreSQL by <see cref="OutreachPlanRepository"/>, changed only through this grain so edits are serialized with
/// the campaign's lifecycle.
/// </summary>
public sealed partial class CampaignGrain : ICampaignOutreachGrain
{
    private OutreachPlanRepository Plans => ServiceProvider.GetRequiredService<OutreachPlanRepository>();

    private OutreachAudienceRepository Audience => ServiceProvider.GetRequiredService<OutreachAudienceRepository>();

    public async Task<OutreachResult<IReadOnlyList<OutreachTemplate>>> ListTemplates(Guid organizationId) =>
        Readable<IReadOnlyList<OutreachTemplate>>(organizationId) ?? OutreachResult<IReadOnlyList<OutreachTemplate>>.Ok(await Plans.CampaignTemplates(Id));

    public async Task<OutreachResult<OutreachTemplate>> CreateTemplate(Guid organizationId, Guid templateId, TemplateDraft draft)
    {
        if (Editable<OutreachTemplate>(organizationId) is { } refused)
        {
            return refused;
        }

        return await Plans.InsertTemplate(organizationId, Id, templateId, draft) is { } template
            ? OutreachResult<OutreachTemplate>.Ok(template)
            : OutreachResult<OutreachTemplate>.Conflict("A template with this id already exists.");
    }

    public async Task<OutreachResult<OutreachTemplate>> UpdateTemplate(Guid organizationId, Guid templateId, TemplateChanges changes)
    {
        if (Editable<OutreachTemplate>(organizationId) is { } refused)
        {
            return refused;
        }

        return await Plans.UpdateTemplate(organizationId, Id, templateId, changes) is { } template
            ? OutreachResult<OutreachTemplate>.Ok(template)
            : OutreachResult<OutreachTemplate>.NotFound("Template not found in this campaign.");
    }

    public async Task<OutreachResult<OutreachTemplate>> DeleteTemplate(Guid organizationId, Guid templateId)
    {
        if (Editable<OutreachTemplate>(organizationId) is { } refused)
        {
            return refused;
        }

        return await Plans.DeleteTemplate(organizationId, Id, templateId) switch
        {
            (TemplateDeletion.Deleted, { } template) => OutreachResult<OutreachTemplate>.Ok(template),
            (TemplateDeletion.InUse, _) => OutreachResult<OutreachTemplate>.Conflict("A step of the sequence uses this template; change or delete the step first."),
            _ => OutreachResult<OutreachTemplate>.NotFound("Template not found in this campaign."),
        };
    }

    public async Task<OutreachResult<TemplatePreview>> PreviewTemplate(Guid organizationId, Guid templateId, Guid contactId)
    {
        if (Readable<TemplatePreview>(organizationId) is { } refused)
        {
            return refused;
        }

        return await Plans.Template(organizationId, Id, templateId, presetsToo: true) is { } template
            ? await OutreachPreview.Render(Audience, ServiceProvider.GetRequiredService<IConfiguration>(), organizationId, template, contactId)
            : OutreachResult<TemplatePreview>.NotFound("Template not found in this campaign or the organization's presets.");
    }

    public async Task<OutreachResult<IReadOnlyList<OutreachStep>>> ListSteps(Guid organizationId) =>
        Readable<IReadOnlyList<OutreachStep>>(organizationId) ?? OutreachResult<IReadOnlyList<OutreachStep>>.Ok(await Plans.Steps(Id));

    public async Task<OutreachResult<OutreachStep>> CreateStep(Guid organizationId, Guid stepId, StepDraft draft)
    {
        if (Editable<OutreachStep>(organizationId) is { } refused)
        {
            return refused;
        }

        if (await StepReferences(organizationId, draft.TemplateId, draft.Conditions) is { } invalid)
        {
            return OutreachResult<OutreachStep>.Invalid(invalid);
        }

        return await Plans.InsertStep(Id, stepId, draft) is { } step
            ? OutreachResult<OutreachStep>.Ok(step)
            : OutreachResult<OutreachStep>.Conflict($"Another step already has order_index {draft.OrderIndex}; move or delete it first.");
    }

    public async Task<OutreachResult<OutreachStep>> UpdateStep(Guid organizationId, Guid stepId, StepChanges changes)
    {
        if (Editable<OutreachStep>(organizationId) is { } refused)
        {
            return refused;
        }

        if (await StepReferences(organizationId, changes.TemplateId, changes.Conditions) is { } invalid)
        {
            return OutreachResult<OutreachStep>.Invalid(invalid);
        }

        return await Plans.UpdateStep(Id, stepId, changes) switch
        {
            (false, _) => OutreachResult<OutreachStep>.NotFound("Step not found in this campaign."),
            (true, { } step) => OutreachResult<OutreachStep>.Ok(step),
            _ => OutreachResult<OutreachStep>.Conflict($"Another step already has order_index {changes.OrderIndex}; move or delete it first."),
        };
    }

    public async Task<OutreachResult<OutreachStep>> DeleteStep(Guid organizationId, Guid stepId)
    {
        if (Editable<OutreachStep>(organizationId) is { } refused)
        {
            return refused;
        }

        return await Plans.DeleteStep(Id, stepId) is { } step
            ? OutreachResult<OutreachStep>.Ok(step)
            : OutreachResult<OutreachStep>.NotFound("Step not found in this campaign.");
    }

    public async Task<OutreachResult<AudienceImport>> ImportAudience(Guid organizationId, IReadOnlyList<AudienceRow> rows)
    {
        if (Editable<AudienceImport>(organizationId) is { } refused)
        {
            return refused;
        }

        var picked = (S.Outreach ?? OutreachBrief.Empty).Audience.ContactIds.Count;
        if (picked + rows.Count > OutreachAudience.MaxContactIds)
        {
            // Checked before any contact is written: rows already in the audience count too, so nothing is half-imported.
            return OutreachResult<AudienceImport>.Invalid("content",
                $"The audience may pick at most {OutreachAudience.MaxContactIds:N0} contacts; it has {picked:N0} and the file has {rows.Count:N0} rows.");
        }

        var import = await Audience.Import(organizationId, rows);
        var brief = S.Outreach ?? OutreachBrief.Empty;
        var known = brief.Audience.ContactIds.ToHashSet();
        var added = import.ContactIds.Where(known.Add).ToList();
        if (added.Count > 0)
        {
            S.Outreach = brief with { Audience = brief.Audience with { ContactIds = [.. brief.Audience.ContactIds, .. added] } };
            S.UpdatedAt = clock.UtcNowMicroseconds();
            S.Version++;
            await Save();
        }

        return OutreachResult<AudienceImport>.Ok(import);
    }

    /// <summary>For outreach campaigns: the view with its section, templates and steps (GET shows "a campaign with its templates and steps").</summary>
    private async Task<CampaignView> WithOutreach(CampaignView view) => S.Outreach is { } brief
        ? view with { Outreach = new OutreachDetails(brief, await Plans.CampaignTemplates(Id), await Plans.Steps(Id)) }
        : view;

    /// <summary>
    /// The section's rules as a whole, and its references to CRM records, which must be the organization's: errors
    /// naming each field refused, or null.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string[]>?> OutreachReferences(Guid organizationId, OutreachBrief brief)
    {
        var errors = new Dictionary<string, string[]>(OutreachBriefRules.Check(brief));
        var references = await Outreach.OutreachReferences.Check(
            ServiceProvider.GetRequiredService<CompanyRepository>(), ServiceProvider.GetRequiredService<PipelineRepository>(), Audience,
            organizationId, brief);
        foreach (var (field, messages) in references ?? new Dictionary<string, string[]>())
        {
            errors[field] = messages;
        }

        return errors.Count > 0 ? errors : null;
    }

    private Task<IReadOnlyDictionary<string, string[]>?> StepReferences(Guid organizationId, Guid? templateId, StepConditions? conditions) =>
        Outreach.OutreachReferences.CheckStep(Plans, ServiceProvider.GetRequiredService<PipelineRepository>(), organizationId, Id, templateId, conditions);

    private OutreachResult<T>? Readable<T>(Guid organizationId)
    {
        if (!Owns(organizationId))
        {
            return OutreachResult<T>.NotFound("Campaign not found.");
        }

        return S.Kind == CampaignKind.Outreach
            ? null
            : OutreachResult<T>.Invalid("kind", $"Only outreach campaigns have templates, steps and audience imports; this one is '{DbNames.Of(S.Kind)}'.");
    }

    private OutreachResult<T>? Editable<T>(Guid organizationId) =>
        Readable<T>(organizationId)
        ?? (SequenceEditing.IsEditable(S.Status) ? null : OutreachResult<T>.Conflict(SequenceEditing.Refusal(S.Status)));
}
