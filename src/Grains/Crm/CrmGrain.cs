using Campaigns.Infrastructure;
using Orleans.Concurrency;

namespace Campaigns.Crm;

/// <summary>
/// Stateless front of the CRM repositories; scales out with load. The repositories answer what happened as data; this
/// grain phrases it for the caller, naming the field a refusal or conflict is about.
/// </summary>
[StatelessWorker]
public sealed class CrmGrain(ContactRepository contacts, CompanyRepository companies, PipelineRepository pipelines, LeadRepository leads)
    : Grain, ICrmGrain
{
    public async Task<CommandResult<ContactView>> CreateContact(Guid organizationId, Guid contactId, ContactDraft draft) =>
        Contact(await contacts.Insert(organizationId, contactId, draft));

    public Task<ContactView?> GetContact(Guid organizationId, Guid contactId) => contacts.Get(organizationId, contactId);

    public async Task<CommandResult<ContactView>> UpdateContact(Guid organizationId, Guid contactId, ContactChanges changes) =>
        Contact(await contacts.Update(organizationId, contactId, changes));

    public Task<bool> DeleteContact(Guid organizationId, Guid contactId) => contacts.Delete(organizationId, contactId);

    public Task<Page<ContactView>> ListContacts(Guid organizationId, ContactQuery query) => contacts.List(organizationId, query);

    public async Task<CommandResult<CompanyView>> CreateCompany(Guid organizationId, Guid companyId, CompanyDraft draft) =>
        CommandResult.Ok(await companies.Insert(organizationId, companyId, draft));

    public Task<CompanyView?> GetCompany(Guid organizationId, Guid companyId) => companies.Get(organizationId, companyId);

    public async Task<CommandResult<CompanyView>> UpdateCompany(Guid organizationId, Guid companyId, CompanyChanges changes) =>
        await companies.Update(organizationId, companyId, changes) is { } company
            ? CommandResult.Ok(company)
            : CommandResult<CompanyView>.NotFound("Company not found.");

    public Task<bool> DeleteCompany(Guid organizationId, Guid companyId) => companies.Delete(organizationId, companyId);

    public Task<Page<CompanyView>> ListCompanies(Guid organizationId, string? text, int limit, Guid? after) =>
        companies.List(organizationId, text, limit, after);

    public async Task<CommandResult<PipelineView>> CreatePipeline(Guid organizationId, Guid pipelineId, PipelineDraft draft) =>
        CommandResult.Ok(await pipelines.Insert(organizationId, pipelineId, draft));

    public Task<PipelineView?> GetPipeline(Guid organizationId, Guid pipelineId) => pipelines.Get(organizationId, pipelineId);

    public async Task<CommandResult<PipelineView>> UpdatePipeline(Guid organizationId, Guid pipelineId, PipelineChanges changes) =>
        await pipelines.Update(organizationId, pipelineId, changes) switch
        {
            { Outcome: PipelineWrite.Written, Pipeline: { } pipeline } => CommandResult.Ok(pipeline),
            { Outcome: PipelineWrite.UnknownStage, StageIndex: var i } => CommandResult<PipelineView>.Invalid(
                $"stages[{i}].id", $"Stage {changes.Stages![i].Id} is not a stage of this pipeline."),
            { Outcome: PipelineWrite.StageHoldsLeads } => Conflict<PipelineView>(
                "stages", "A stage that would be removed holds leads; move them to another stage first."),
            _ => CommandResult<PipelineView>.NotFound(PipelineNotFound),
        };

    public async Task<CommandResult<Guid>> DeletePipeline(Guid organizationId, Guid pipelineId) =>
        await pipelines.Delete(organizationId, pipelineId) switch
        {
            PipelineWrite.Written => CommandResult.Ok(pipelineId),
            PipelineWrite.HoldsLeads => Conflict<Guid>("pipeline", "The pipeline holds leads; delete or move them first."),
            _ => CommandResult<Guid>.NotFound(PipelineNotFound),
        };

    public Task<Page<PipelineView>> ListPipelines(Guid organizationId, string? text, int limit, Guid? after) =>
        pipelines.List(organizationId, text, limit, after);

    public async Task<CommandResult<Upserted<LeadView>>> CreateLead(Guid organizationId, Guid leadId, LeadDraft draft) =>
        await leads.Insert(organizationId, leadId, draft) switch
        {
            (LeadWrite.Created, { } lead) => CommandResult.Ok(new Upserted<LeadView>(lead, Existing: false)),
            (LeadWrite.Existing, { } lead) => CommandResult.Ok(new Upserted<LeadView>(lead, Existing: true)),
            (LeadWrite.ContactMissing, _) => CommandResult<Upserted<LeadView>>.Invalid("contact_id", "No such contact in the organization."),
            (LeadWrite.PipelineMissing, _) => CommandResult<Upserted<LeadView>>.Invalid("pipeline_id", "No such pipeline in the organization."),
            _ => CommandResult<Upserted<LeadView>>.Invalid("stage_id", "The stage is not a stage of this pipeline."),
        };

    public Task<LeadView?> GetLead(Guid organizationId, Guid leadId) => leads.Get(organizationId, leadId);

    public async Task<CommandResult<LeadView>> MoveLead(Guid organizationId, Guid leadId, Guid stageId) =>
        await leads.Move(organizationId, leadId, stageId) switch
        {
            (LeadWrite.Moved, { } lead) => CommandResult.Ok(lead),
            (LeadWrite.StageNotInPipeline, _) => CommandResult<LeadView>.Invalid("stage_id", "The stage is not a stage of this lead's pipeline."),
            _ => CommandResult<LeadView>.NotFound("Lead not found."),
        };

    public Task<bool> DeleteLead(Guid organizationId, Guid leadId) => leads.Delete(organizationId, leadId);

    public Task<Page<LeadView>> ListLeads(Guid organizationId, LeadQuery query) => leads.List(organizationId, query);

    private const string PipelineNotFound = "Pipeline not found.";

    private static CommandResult<ContactView> Contact((ContactWrite Outcome, ContactView? Contact) write) => write switch
    {
        (ContactWrite.Written, { } contact) => CommandResult.Ok(contact),
        (ContactWrite.CompanyMissing, _) => CommandResult<ContactView>.Invalid("company_id", "No such company in the organization."),
        (ContactWrite.TooManyAttributes, _) => CommandResult<ContactView>.Invalid("attributes", $"A contact has at most {ContactRepository.MaxAttributes} attributes."),
        (ContactWrite.TelegramIdTaken, _) => Conflict<ContactView>("telegram_id", "A contact with this telegram_id already exists in the organization."),
        (ContactWrite.EmailTaken, _) => Conflict<ContactView>("email", "A contact with this email already exists in the organization."),
        _ => CommandResult<ContactView>.NotFound("Contact not found."),
    };

    /// <summary>A conflict naming its field in <c>errors</c>, as the CRM's 409 answers always have.</summary>
    private static CommandResult<T> Conflict<T>(string field, string message) =>
        new(CommandOutcome.Conflict, Message: message, Errors: new Dictionary<string, string[]> { [field] = [message] });
}
