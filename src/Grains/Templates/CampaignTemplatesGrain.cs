using Campaigns.Storage;
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
        var template = new CampaignTemplate(Guid.CreateVersion7(), organizationId, name, description, niche, type, settingsJson, 0, now, now);
        return templates.Insert(template);
    }

    public Task CountUse(Guid id) => templates.CountUse(id);
}
