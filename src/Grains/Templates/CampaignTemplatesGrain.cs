using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Orleans.Concurrency;

namespace Campaigns.Templates;

/// <summary>Stateless: templates live in PostgreSQL, so any silo serves them.</summary>
[StatelessWorker]
public sealed class CampaignTemplatesGrain(TemplateRepository templates, TimeProvider clock) : Grain, ICampaignTemplatesGrain
{
    private const string NotFound = "Template not found.";

    private const string BuiltInReadOnly =
        "Built-in templates are read-only; instantiate one and save the campaign as your own template to change it.";

    public Task<Page<CampaignTemplate>> List(Guid organizationId, TemplateQuery query) => templates.List(organizationId, query);

    public Task<CampaignTemplate?> Get(Guid organizationId, Guid id) => templates.Get(organizationId, id);

    public Task<CampaignTemplate> Save(Guid organizationId, string name, string? description, string niche, string? type, string settingsJson)
    {
        var now = clock.UtcNowMicroseconds();
        var template = new CampaignTemplate(TimeOrderedId.New(), organizationId, name, description, niche, type, settingsJson, 0, now, now);
        return templates.Insert(template);
    }

    public async Task<CommandResult<CampaignTemplate>> Update(Guid organizationId, Guid id, CampaignTemplateChanges changes)
    {
        if (await Writable(organizationId, id) is { } refused)
        {
            return refused;
        }

        return await templates.Update(organizationId, id, changes, clock.UtcNowMicroseconds()) is { } saved
            ? CommandResult.Ok(saved)
            : CommandResult<CampaignTemplate>.NotFound(NotFound);
    }

    public async Task<CommandResult<CampaignTemplate>> Delete(Guid organizationId, Guid id)
    {
        if (await Writable(organizationId, id) is { } refused)
        {
            return refused;
        }

        return await templates.Delete(organizationId, id) is { } deleted
            ? CommandResult.Ok(deleted)
            : CommandResult<CampaignTemplate>.NotFound(NotFound);
    }

    public Task CountUse(Guid id) => templates.CountUse(id);

    /// <summary>
    /// Creates the campaign, then counts the use. A crash between the two leaves the campaign made and the use uncounted:
    /// the count is a popularity hint, not a ledger, so it is not made exactly-once.
    /// </summary>
    public async Task<CommandResult<CampaignView>> Instantiate(Guid organizationId, Guid templateId, Guid campaignId, CampaignDraft draft)
    {
        if (await templates.Get(organizationId, templateId) is null)
        {
            return CommandResult<CampaignView>.NotFound(NotFound);
        }

        var created = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Create(organizationId, draft);
        if (created is not { Outcome: CommandOutcome.Ok, Campaign: { } campaign })
        {
            // Only an invalid answer names fields: a conflict stays a plain problem, as the campaign endpoints answer it.
            return new CommandResult<CampaignView>(created.Outcome, Message: created.Message,
                Errors: created.Outcome == CommandOutcome.Invalid ? created.Errors : null);
        }

        await templates.CountUse(templateId);
        return CommandResult.Ok(campaign);
    }

    /// <summary>Null when the template is the organization's own; otherwise why it cannot be changed.</summary>
    private async Task<CommandResult<CampaignTemplate>?> Writable(Guid organizationId, Guid id) =>
        await templates.Get(organizationId, id) switch
        {
            null => CommandResult<CampaignTemplate>.NotFound(NotFound),
            { BuiltIn: true } => CommandResult<CampaignTemplate>.Conflict(BuiltInReadOnly),
            _ => null,
        };
}
