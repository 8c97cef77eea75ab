using Campaigns.Storage;
using Orleans.Concurrency;

namespace Campaigns.Audit;

/// <summary>Stateless front of the audit log table.</summary>
[StatelessWorker]
public sealed class AuditLogGrain(AuditRepository audit) : Grain, IAuditLogGrain
{
    public Task Record(AuditEntry entry) => audit.Insert(entry);

    public Task<AuditPage> Query(Guid organizationId, AuditQuery query) => audit.Query(organizationId, query);
}
