using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Crm;

/// <summary>
/// The organization-scoped CRM in PostgreSQL (seed 001): contacts, companies, pipelines with stages, and leads.
/// Records are facts in tables, not grains; every method takes the organization so another's ids are never found.
/// </summary>
[Alias("campaigns.ICrmGrain")]
public interface ICrmGrain : IGrainWithIntegerKey
{
    [Alias("CreateContact")] Task<CrmResult<ContactView>> CreateContact(Guid organizationId, Guid contactId, ContactDraft draft);
    [Alias("GetContact")] Task<ContactView?> GetContact(Guid organizationId, Guid contactId);
    [Alias("UpdateContact")] Task<CrmResult<ContactView>> UpdateContact(Guid organizationId, Guid contactId, ContactChanges changes);
    [Alias("DeleteContact")] Task<bool> DeleteContact(Guid organizationId, Guid contactId);
    [Alias("ListContacts")] Task<CrmPage<ContactView>> ListContacts(Guid organizationId, ContactQuery query);

    [Alias("CreateCompany")] Task<CrmResult<CompanyView>> CreateCompany(Guid organizationId, Guid companyId, CompanyDraft draft);
    [Alias("GetCompany")] Task<CompanyView?> GetCompany(Guid organizationId, Guid companyId);
    [Alias("UpdateCompany")] Task<CrmResult<CompanyView>> UpdateCompany(Guid organizationId, Guid companyId, CompanyChanges changes);
    [Alias("DeleteCompany")] Task<bool> DeleteCompany(Guid organizationId, Guid companyId);
    [Alias("ListCompanies")] Task<CrmPage<CompanyView>> ListCompanies(Guid organizationId, string? text, int limit, Guid? after);

    [Alias("CreatePipeline")] Task<CrmResult<PipelineView>> CreatePipeline(Guid organizationId, Guid pipelineId, PipelineDraft draft);
    [Alias("GetPipeline")] Task<PipelineView?> GetPipeline(Guid organizationId, Guid pipelineId);
    [Alias("UpdatePipeline")] Task<CrmResult<PipelineView>> UpdatePipeline(Guid organizationId, Guid pipelineId, PipelineChanges changes);
    [Alias("DeletePipeline")] Task<CrmResult<PipelineView>> DeletePipeline(Guid organizationId, Guid pipelineId);
    [Alias("ListPipelines")] Task<CrmPage<PipelineView>> ListPipelines(Guid organizationId, string? text, int limit, Guid? after);

    /// <summary>The seed's <c>POST /api/pipeline/leads</c>: a contact's existing lead in the pipeline is answered, not duplicated.</summary>
    [Alias("CreateLead")] Task<CrmResult<LeadView>> CreateLead(Guid organizationId, Guid leadId, LeadDraft draft);
    [Alias("GetLead")] Task<LeadView?> GetLead(Guid organizationId, Guid leadId);
    [Alias("MoveLead")] Task<CrmResult<LeadView>> MoveLead(Guid organizationId, Guid leadId, Guid stageId);
    [Alias("DeleteLead")] Task<bool> DeleteLead(Guid organizationId, Guid leadId);
    [Alias("ListLeads")] Task<CrmPage<LeadView>> ListLeads(Guid organizationId, LeadQuery query);
}

/// <summary>
/// The answer to a CRM command: the record on success (<see cref="Existing"/> when an idempotent create found it),
/// otherwise why not; <see cref="Errors"/> names the field a refusal or conflict is about.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.CrmResult`1")]
public sealed record CrmResult<T>(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] T? Value = null,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: Id(4)] bool Existing = false) where T : class
{
    public static CrmResult<T> Ok(T value, bool existing = false) => new(CommandOutcome.Ok, value, Existing: existing);
    public static CrmResult<T> NotFound(string message) => new(CommandOutcome.NotFound, Message: message);

    public static CrmResult<T> Conflict(string field, string message) =>
        new(CommandOutcome.Conflict, Message: message, Errors: new Dictionary<string, string[]> { [field] = [message] });

    public static CrmResult<T> Invalid(string field, string message) =>
        new(CommandOutcome.Invalid, Message: message, Errors: new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>One page of a CRM list, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CrmPage`1")]
public sealed record CrmPage<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] Guid? NextCursor);
