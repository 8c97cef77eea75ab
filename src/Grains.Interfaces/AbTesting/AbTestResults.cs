using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.AbTesting;

/// <summary>The answer to an A/B test command: the test on success, otherwise why not.</summary>
/// <param name="Reason">A machine-readable reason for a refusal (e.g. <c>not_significant</c>).</param>
[GenerateSerializer, Immutable, Alias("campaigns.AbTestResult")]
public sealed record AbTestResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] AbTestView? Test = null,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: Id(4)] string? Reason = null)
{
    public static AbTestResult Ok(AbTestView test) => new(CommandOutcome.Ok, test);
    public static AbTestResult NotFound() => new(CommandOutcome.NotFound, Message: "A/B test not found.");
    public static AbTestResult Conflict(string message, string? reason = null) => new(CommandOutcome.Conflict, Message: message, Reason: reason);
}

/// <summary>A snapshot, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbSnapshotResult")]
public sealed record AbSnapshotResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] AbTestSnapshot? Snapshot = null);

/// <summary>What a batch of events did: how many were new and how many had been counted before.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbEventsResult")]
public sealed record AbEventsResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] int Accepted = 0,
    [property: Id(2)] int Duplicates = 0,
    [property: Id(3)] string? Message = null,
    [property: Id(4)] IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>The variant table assignment needs, small enough to cache on every silo.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbAssignmentTable")]
public sealed record AbAssignmentTable(
    [property: Id(0)] Guid OrganizationId,
    [property: Id(1)] IReadOnlyList<AbVariantView> Variants,
    [property: Id(2)] AbTestStatus Status,
    [property: Id(3)] Guid? WinnerVariantId);

/// <summary>The variant a subject sees; <see cref="Variant"/> is null when the test is not found.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbAssignment")]
public sealed record AbAssignment(
    [property: Id(0)] AbVariantView? Variant,
    [property: Id(1)] AbTestStatus Status = AbTestStatus.Running);
