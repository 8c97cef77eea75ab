using Campaigns.Infrastructure;

namespace Campaigns.Influencer;

// What the influencer repositories answer when a write did not happen: data, not messages; the grain in front of each
// phrases them for callers (docs/ARCHITECTURE.md, "Results and errors").

/// <summary>What an update did, as data for the grain to phrase.</summary>
/// <param name="Creator">The creator as changed, when <paramref name="Outcome"/> is Ok.</param>
/// <param name="ForeignProfileId">The profile named for a change that is not this creator's (Invalid).</param>
/// <remarks>NotFound: no such creator; Conflict: a changed or new profile's handle is already registered.</remarks>
public sealed record CreatorUpdate(CommandOutcome Outcome, CreatorView? Creator = null, Guid? ForeignProfileId = null);

/// <summary>A row the database refused: its <see cref="CreatorId"/> names no creator (no <see cref="Owner"/>), or the profile is <see cref="Owner"/>'s.</summary>
public sealed record ImportRefusal(int Row, Guid CreatorId, Guid? Owner);

/// <summary>An import's result as data: the counts when written, otherwise the refused rows.</summary>
public sealed record CreatorImportOutcome(CreatorImportCounts? Counts, IReadOnlyList<ImportRefusal> Refusals);

/// <summary>What a retry did, as data for the grain to phrase: the job back in the queue, or the status that refused it.</summary>
public sealed record JobRetry(CommandOutcome Outcome, ApifyJob? Job = null, ApifyJobStatus? RefusedStatus = null);
