namespace Campaigns.Infrastructure;

/// <summary>
/// The answer to any command a grain runs for a caller: the value on success, otherwise why not — not found, a conflict
/// with its reason, or invalid with the errors per field. One shape for every feature, so the API has one mapper
/// (docs/ARCHITECTURE.md, "Results and errors").
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.CommandResult`1")]
public sealed record CommandResult<T>(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] T? Value = default,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool IsOk => Outcome == CommandOutcome.Ok;

    public static CommandResult<T> Ok(T value) => new(CommandOutcome.Ok, value);

    public static CommandResult<T> NotFound(string message = "Not found.") => new(CommandOutcome.NotFound, Message: message);

    public static CommandResult<T> Conflict(string message) => new(CommandOutcome.Conflict, Message: message);

    public static CommandResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CommandOutcome.Invalid, Message: "One or more fields are invalid.", Errors: errors);

    public static CommandResult<T> Invalid(string field, string message) =>
        new(CommandOutcome.Invalid, Message: message, Errors: new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>This failure, carried into a result of another value type.</summary>
    public CommandResult<TOther> Failure<TOther>() => IsOk
        ? throw new InvalidOperationException("A successful result is not a failure.")
        : new(Outcome, default, Message, Errors);
}

/// <summary>A successful result whose value type the compiler infers: <c>CommandResult.Ok(view)</c>.</summary>
public static class CommandResult
{
    public static CommandResult<T> Ok<T>(T value) => CommandResult<T>.Ok(value);
}
