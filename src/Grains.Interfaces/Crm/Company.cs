
namespace Campaigns.Crm;

/// <summary>A company contacts can belong to (the seed's <c>{{company.name}}</c> placeholder reads it).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CompanyView")]
public sealed record CompanyView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Domain,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt);

[GenerateSerializer, Immutable, Alias("campaigns.CompanyDraft")]
public sealed record CompanyDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Domain);

/// <summary>A merge patch of a company: null name is unchanged; <see cref="SetDomain"/> says whether domain (null clears) is taken.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CompanyChanges")]
public sealed record CompanyChanges(
    [property: Id(0)] string? Name,
    [property: Id(1)] bool SetDomain,
    [property: Id(2)] string? Domain);
