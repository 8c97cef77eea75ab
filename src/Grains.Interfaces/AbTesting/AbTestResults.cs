using Campaigns.Infrastructure;

namespace Campaigns.AbTesting;

/// <summary>
/// How an A/B test command's conflict carries its machine-readable reason (e.g. <c>not_significant</c>) beside the
/// message: under the <see cref="ReasonKey"/> entry of <see cref="CommandResult{T}.Errors"/>, so the one result type
/// serves A/B tests too and the API can still answer <c>reason</c> (docs/ARCHITECTURE.md, "Results and errors").
/// </summary>
public static class AbTestRefusal
{
    public const string ReasonKey = "reason";

    public static CommandResult<T> NotFound<T>() => CommandResult<T>.NotFound("A/B test not found.");

    public static CommandResult<T> Conflict<T>(string message, string? reason) => reason is null
        ? CommandResult<T>.Conflict(message)
        : new(CommandOutcome.Conflict, Message: message, Errors: new Dictionary<string, string[]> { [ReasonKey] = [reason] });

    /// <summary>The machine-readable reason of a conflict, or null.</summary>
    public static string? Reason<T>(CommandResult<T> result) =>
        result is { Outcome: CommandOutcome.Conflict, Errors: { } errors } && errors.TryGetValue(ReasonKey, out var reasons)
            ? reasons.FirstOrDefault()
            : null;
}

/// <summary>What a batch of events did: how many were new and how many had been counted before.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.AbEventsRecorded")]
public sealed record AbEventsRecorded(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates);

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
