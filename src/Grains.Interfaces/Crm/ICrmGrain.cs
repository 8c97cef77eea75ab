using Campaigns.Infrastructure;

namespace Campaigns.Crm;

/// <summary>
/// The organization-scoped CRM in PostgreSQL (seed 001): contacts, companies, pipelines with stages, and leads.
/// Records are facts in tables, not grains; every method takes the organization so another's ids are never found.
/// </summary>
[Alias("campaigns.ICrmGrain")]
public interface ICrmGrain : IGrainWithIntegerKey
{
    [Alias("CreateContact")] Task<CommandResult<ContactView>> CreateContact(Guid organizationId, Guid contactId, ContactDraft draft);
    [Alias("GetContact")] Task<ContactView?> GetContact(Guid organizationId, Guid contactId);
    [Alias("UpdateContact")] Task<CommandResult<ContactView>> UpdateContact(Guid organizationId, Guid contactId, ContactChanges changes);
    [Alias("DeleteContact")] Task<bool> DeleteContact(Guid organizationId, Guid contactId);
    [Alias("ListContacts")] Task<Page<ContactView>> ListContacts(Guid organizationId, ContactQuery query);

    [Alias("CreateCompany")] Task<CommandResult<CompanyView>> CreateCompany(Guid organizationId, Guid companyId, CompanyDraft draft);
    [Alias("GetCompany")] Task<CompanyView?> GetCompany(Guid organizationId, Guid companyId);
    [Alias("UpdateCompany")] Task<CommandResult<CompanyView>> UpdateCompany(Guid organizationId, Guid companyId, CompanyChanges changes);
    [Alias("DeleteCompany")] Task<bool> DeleteCompany(Guid organizationId, Guid companyId);
    [Alias("ListCompanies")] Task<Page<CompanyView>> ListCompanies(Guid organizationId, string? text, int limit, Guid? after);

    [Alias("CreatePipeline")] Task<CommandResult<PipelineView>> CreatePipeline(Guid organizationId, Guid pipelineId, PipelineDraft draft);
    [Alias("GetPipeline")] Task<PipelineView?> GetPipeline(Guid organizationId, Guid pipelineId);
    [Alias("UpdatePipeline")] Task<CommandResult<PipelineView>> UpdatePipeline(Guid organizationId, Guid pipelineId, PipelineChanges changes);
    [Alias("DeletePipeline")] Task<CommandResult<Guid>> DeletePipeline(Guid organizationId, Guid pipelineId);
    [Alias("ListPipelines")] Task<Page<PipelineView>> ListPipelines(Guid organizationId, string? text, int limit, Guid? after);

    /// <summary>The seed's <c>POST /api/pipeline/leads</c>: a contact's existing lead in the pipeline is answered, not duplicated.</summary>
    [Alias("CreateLead")] Task<CommandResult<Upserted<LeadView>>> CreateLead(Guid organizationId, Guid leadId, LeadDraft draft);
    [Alias("GetLead")] Task<LeadView?> GetLead(Guid organizationId, Guid leadId);
    [Alias("MoveLead")] Task<CommandResult<LeadView>> MoveLead(Guid organizationId, Guid leadId, Guid stageId);
    [Alias("DeleteLead")] Task<bool> DeleteLead(Guid organizationId, Guid leadId);
    [Alias("ListLeads")] Task<Page<LeadView>> ListLeads(Guid organizationId, LeadQuery query);
}

/// <summary>
/// The record an idempotent create answers: <see cref="Existing"/> when it was already there (and left unchanged), so the
/// API can answer 200 instead of 201.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.Upserted`1")]
public sealed record Upserted<T>(
    [property: Id(0)] T Value,
    [property: Id(1)] bool Existing);
