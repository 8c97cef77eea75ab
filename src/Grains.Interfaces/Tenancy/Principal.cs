
namespace Campaigns.Tenancy;

/// <summary>Who is calling: the API key, its user, organization and role.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.Principal")]
public sealed record Principal(
    [property: Id(0)] Guid OrganizationId,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] Guid ApiKeyId,
    [property: Id(3)] Role Role);
