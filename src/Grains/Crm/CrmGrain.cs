using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Orleans.Concurrency;

namespace Campaigns.Crm;

/// <summary>Stateless front of the CRM repositories; scales out with load.</summary>
[StatelessWorker]
public sealed class CrmGrain(ContactRepository contacts, CompanyRepository companies, PipelineRepository pipelines, LeadRepository leads)
    : Grain, ICrmGrain
{
    public Task<CrmResult<ContactView>> CreateContact(Guid organizationId, Guid contactId, ContactDraft draft) =>
        contacts.Insert(organizationId, contactId, draft);

    public Task<ContactView?> GetContact(Guid organizationId, Guid contactId) => contacts.Get(organizationId, contactId);

    public Task<CrmResult<ContactView>> UpdateContact(Guid organizationId, Guid contactId, ContactChanges changes) =>
        contacts.Update(organizationId, contactId, changes);

    public Task<bool> DeleteContact(Guid organizationId, Guid contactId) => contacts.Delete(organizationId, contactId);

    public Task<CrmPage<ContactView>> ListContacts(Guid organizationId, ContactQuery query) => contacts.List(organizationId, query);

    public async Task<CrmResult<CompanyView>> CreateCompany(Guid organizationId, Guid companyId, CompanyDraft draft) =>
        CrmResult<CompanyView>.Ok(await companies.Insert(organizationId, companyId, draft));

    public Task<CompanyView?> GetCompany(Guid organizationId, Guid companyId) => companies.Get(organizationId, companyId);

    public async Task<CrmResult<CompanyView>> UpdateCompany(Guid organizationId, Guid companyId, CompanyChanges changes) =>
        await companies.Update(organizationId, companyId, changes) is { } company
            ? CrmResult<CompanyView>.Ok(company)
            : CrmResult<CompanyView>.NotFound("Company not found.");

    public Task<bool> DeleteCompany(Guid organizationId, Guid companyId) => companies.Delete(organizationId, companyId);

    public Task<CrmPage<CompanyView>> ListCompanies(Guid organizationId, string? text, int limit, Guid? after) =>
        companies.List(organizationId, text, limit, after);

    public async Task<CrmResult<PipelineView>> CreatePipeline(Guid organizationId, Guid pipelineId, PipelineDraft draft) =>
        CrmResult<PipelineView>.Ok(await pipelines.Insert(organizationId, pipelineId, draft));

    public Task<PipelineView?> GetPipeline(Guid organizationId, Guid pipelineId) => pipelines.Get(organizationId, pipelineId);

    public Task<CrmResult<PipelineView>> UpdatePipeline(Guid organizationId, Guid pipelineId, PipelineChanges changes) =>
        pipelines.Update(organizationId, pipelineId, changes);

    public Task<CrmResult<PipelineView>> DeletePipeline(Guid organizationId, Guid pipelineId) => pipelines.Delete(organizationId, pipelineId);

    public Task<CrmPage<PipelineView>> ListPipelines(Guid organizationId, string? text, int limit, Guid? after) =>
        pipelines.List(organizationId, text, limit, after);

    public Task<CrmResult<LeadView>> CreateLead(Guid organizationId, Guid leadId, LeadDraft draft) => leads.Insert(organizationId, leadId, draft);

    public Task<LeadView?> GetLead(Guid organizationId, Guid leadId) => leads.Get(organizationId, leadId);

    public Task<CrmResult<LeadView>> MoveLead(Guid organizationId, Guid leadId, Guid stageId) => leads.Move(organizationId, leadId, stageId);

    public Task<bool> DeleteLead(Guid organizationId, Guid leadId) => leads.Delete(organizationId, leadId);

    public Task<CrmPage<LeadView>> ListLeads(Guid organizationId, LeadQuery query) => leads.List(organizationId, query);
}
