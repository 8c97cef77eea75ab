using Campaigns.Infrastructure;
using Orleans.Concurrency;

namespace Campaigns.AbTesting;

/// <summary>One A/B test of a campaign (seed 002): its variants, running counts, winner and its application.</summary>
/// <remarks>Every call carries the caller's organization; a test of another organization answers NotFound.</remarks>
[Alias("campaigns.IAbTestGrain")]
public interface IAbTestGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<CommandResult<AbTestView>> Create(Guid organizationId, AbTestDraft draft);

    [Alias("Get"), ReadOnly]
    Task<CommandResult<AbTestView>> Get(Guid organizationId);

    [Alias("Snapshot"), ReadOnly]
    Task<CommandResult<AbTestSnapshot>> Snapshot(Guid organizationId);

    /// <summary>What assignment needs; null when the test does not exist. Organization checks happen where it is cached.</summary>
    [Alias("AssignmentTable"), ReadOnly]
    Task<AbAssignmentTable?> AssignmentTable();

    /// <summary>Records new events durably and counts them; events seen before (by id) are not counted again.</summary>
    /// <remarks>Interleaves with other batches so concurrent batches can share one database commit.</remarks>
    [Alias("RecordEvents"), AlwaysInterleave]
    Task<CommandResult<AbEventsRecorded>> RecordEvents(Guid organizationId, AbEvent[] events);

    /// <summary>Copies the winner's content into the campaign and completes the test; repeating it changes nothing.</summary>
    [Alias("ApplyWinner")]
    Task<CommandResult<AbTestView>> ApplyWinner(Guid organizationId);
}

/// <summary>A per-silo front for assignment: caches the variant table so assigning is a hash, not a call to the test.</summary>
[Alias("campaigns.IAbAssignmentGrain")]
public interface IAbAssignmentGrain : IGrainWithGuidKey
{
    [Alias("Assign")]
    Task<AbAssignment> Assign(Guid organizationId, string subjectId);
}
