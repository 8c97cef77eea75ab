using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Tenancy;
using Orleans.Concurrency;

namespace Campaigns.Templates;

/// <summary>Stateless: templates live in PostgreSQL, so any silo serves them.</summary>
[StatelessWorker]
public sealed class CampaignTemplatesGrain(TemplateRepository templates, TimeProvider clock) : Grain, ICampaignTemplatesGrain
{
    public Task<TemplatePage> List(Guid organizationId, TemplateQuery query) => templates.List(organizationId, query);

    public Task<CampaignTemplate?> Get(Guid organizationId, Guid id) => templates.Get(organizationId, id);

    public Task<CampaignTemplate> Save(Guid organizationId, string name, string? description, string niche, string? type, string settingsJson)
    {
        var now = clock.UtcNowMicroseconds();
        var template = new CampaignTemplate(TimeOrderedId.New(), organizationId, name, description, niche, type, settingsJson, 0, now, now);
        return templates.Insert(template);
    }

    public async Task<CampaignTemplateResult> Update(Guid organizationId, Guid id, CampaignTemplateChanges changes)
    {
        if (await templates.Get(organizationId, id) is not { } existing)
        {
            return new CampaignTemplateResult(CommandOutcome.NotFound, Message: "Template not found.");
        }

        if (existing.BuiltIn)
        {
            return new CampaignTemplateResult(CommandOutcome.Conflict, Message: BuiltInReadOnly);
        }

        return await templates.Update(organizationId, id, changes, clock.UtcNowMicroseconds()) is { } saved
            ? new CampaignTemplateResult(CommandOutcome.Ok, saved)
            : new CampaignTemplateResult(CommandOutcome.NotFound, Message: "Template not found.");
    }

    public async Task<CampaignTemplateResult> Delete(Guid organizationId, Guid id)
    {
        if (await templates.Get(organizationId, id) is not { } existing)
        {
            return new CampaignTemplateResult(CommandOutcome.NotFound, Message: "Template not found.");
        }

        if (existing.BuiltIn)
        {
            return new CampaignTemplateResult(CommandOutcome.Conflict, Message: BuiltInReadOnly);
        }

        return await templates.Delete(organizationId, id) is { } deleted
            ? new CampaignTemplateResult(CommandOutcome.Ok, deleted)
            : new CampaignTemplateResult(CommandOutcome.NotFound, Message: "Template not found.");
    }

    private const string BuiltInReadOnly =
        "Built-in templates are read-only; instantiate one and save the campaign as your own template to change it.";

    public Task CountUse(Guid id) => templates.CountUse(id);
}
