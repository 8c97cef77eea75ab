using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

/// <summary>The organization-scoped creator registry in PostgreSQL: creators are facts in tables, not grains.</summary>
[Alias("campaigns.ICreatorRegistryGrain")]
public interface ICreatorRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Create")]
    Task<CommandResult<CreatorView>> Create(Guid organizationId, Guid creatorId, CreatorDraft draft);

    [Alias("Get")]
    Task<CommandResult<CreatorView>> Get(Guid organizationId, Guid creatorId);

    [Alias("Update")]
    Task<CommandResult<CreatorView>> Update(Guid organizationId, Guid creatorId, CreatorChanges changes);

    [Alias("List")]
    Task<Page<CreatorView>> List(Guid organizationId, CreatorQuery query);

    /// <summary>
    /// All rows in one transaction, or none when any row is refused: then Invalid, its errors keyed by cell
    /// (<see cref="ImportRowError.ByCell"/>).
    /// </summary>
    [Alias("Import")]
    Task<CommandResult<CreatorImportCounts>> Import(Guid organizationId, IReadOnlyList<CreatorImportRow> rows);

    /// <summary>The seed's stage-2 query: verified first, then engagement rate, highest first.</summary>
    [Alias("SelectCandidates")]
    Task<IReadOnlyList<CreatorCandidate>> SelectCandidates(Guid organizationId, CandidateCriteria criteria);

    /// <summary>
    /// Why <see cref="SelectCandidates"/> found nobody, in plain English: how many profiles passed each set criterion,
    /// up to the first that none passed.
    /// </summary>
    [Alias("ExplainNoCandidates")]
    Task<string> ExplainNoCandidates(Guid organizationId, CandidateCriteria criteria);
}

/// <summary>
/// Filters of a creator listing; a creator matches when one of its profiles meets every profile filter.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatorQuery")]
public sealed record CreatorQuery(
    [property: Id(0)] string? Platform,
    [property: Id(1)] string? Niche,
    [property: Id(2)] string? Location,
    [property: Id(3)] long? MinFollowers,
    [property: Id(4)] long? MaxFollowers,
    [property: Id(5)] string? Text,
    [property: Id(6)] int Limit,
    [property: Id(7)] Guid? After);
