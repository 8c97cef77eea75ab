using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Orleans.Concurrency;

namespace Campaigns.Audit;

/// <summary>Stateless front of the audit log table.</summary>
/// <remarks>
/// Reentrant: it holds no state and only awaits PostgreSQL, so each activation serves any number of
/// calls at once. Without it a stateless worker runs one call at a time per activation, and with at
/// most one activation per core every request needing it queued behind a few database round trips.
/// </remarks>
[StatelessWorker, Reentrant]
public sealed class AuditLogGrain(AuditRepository audit) : Grain, IAuditLogGrain
{
    public Task Record(AuditEntry entry) => audit.Insert(entry);

    public Task<Page<AuditEntry>> Query(Guid organizationId, AuditQuery query) => audit.Query(organizationId, query);
}
