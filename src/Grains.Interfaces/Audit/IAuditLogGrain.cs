using Campaigns.Infrastructure;
namespace Campaigns.Audit;

/// <summary>Writes and reads the audit log of mutations.</summary>
[Alias("campaigns.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    [Alias("Record")]
    Task Record(AuditEntry entry);

    [Alias("Query")]
    Task<Page<AuditEntry>> Query(Guid organizationId, AuditQuery query);
}

/// <summary>One mutation attempt: who, where, what, a digest of what they sent, and how it ended.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] Guid? UserId,
    [property: Id(3)] Guid? ApiKeyId,
    [property: Id(4)] string Action,
    [property: Id(5)] string ResourceType,
    [property: Id(6)] string? ResourceId,
    [property: Id(7)] string? PayloadSha256,
    [property: Id(8)] int StatusCode,
    [property: Id(9)] string Outcome,
    [property: Id(10)] DateTimeOffset OccurredAt);

/// <summary>Filters and keyset position for reading the audit log, newest first.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] string? Action,
    [property: Id(1)] string? ResourceType,
    [property: Id(2)] string? ResourceId,
    [property: Id(3)] Guid? UserId,
    [property: Id(4)] string? Outcome,
    [property: Id(5)] DateTimeOffset? From,
    [property: Id(6)] DateTimeOffset? To,
    [property: Id(7)] int Limit,
    [property: Id(8)] Guid? After);
