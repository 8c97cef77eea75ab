using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

/// <summary>The organization-scoped creator registry in PostgreSQL: creators are facts in tables, not grains.</summary>
[Alias("campaigns.ICreatorRegistryGrain")]
public interface ICreatorRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Create")]
    Task<CreatorResult> Create(Guid organizationId, Guid creatorId, CreatorDraft draft);

    [Alias("Get")]
    Task<CreatorView?> Get(Guid organizationId, Guid creatorId);

    [Alias("Update")]
    Task<CreatorResult> Update(Guid organizationId, Guid creatorId, CreatorChanges changes);

    [Alias("List")]
    Task<CreatorPage> List(Guid organizationId, CreatorQuery query);

    /// <summary>All rows in one transaction, or none when any row is refused.</summary>
    [Alias("Import")]
    Task<CreatorImportResult> Import(Guid organizationId, IReadOnlyList<CreatorImportRow> rows);

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

/// <summary>The answer to a creator command: the creator on success, otherwise why not.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatorResult")]
public sealed record CreatorResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] CreatorView? Creator = null,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static CreatorResult Ok(CreatorView creator) => new(CommandOutcome.Ok, creator);
    public static CreatorResult NotFound() => new(CommandOutcome.NotFound, Message: "Creator not found.");
    public static CreatorResult Conflict(string message) => new(CommandOutcome.Conflict, Message: message);
    public static CreatorResult Invalid(string field, string message) =>
        new(CommandOutcome.Invalid, Message: message, Errors: new Dictionary<string, string[]> { [field] = [message] });
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

/// <summary>One page of creators, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.CreatorPage")]
public sealed record CreatorPage(
    [property: Id(0)] IReadOnlyList<CreatorView> Items,
    [property: Id(1)] Guid? NextCursor);
