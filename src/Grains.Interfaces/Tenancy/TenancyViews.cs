namespace Campaigns.Tenancy;

/// <summary>A user of an organization.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.UserView")]
public sealed record UserView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] Role Role,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? DisabledAt = null);

/// <summary>An API key as listed: never its secret.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ApiKeyView")]
public sealed record ApiKeyView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Prefix,
    [property: Id(4)] Role Role,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? RevokedAt,
    [property: Id(7)] Guid? IssuedBy = null);

/// <summary>A freshly created API key: the only time its secret is ever shown.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatedApiKey")]
public sealed record CreatedApiKey(
    [property: Id(0)] ApiKeyView Key,
    [property: Id(1)] string Secret);
