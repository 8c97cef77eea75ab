using Campaigns.Infrastructure;

namespace Campaigns.Crm;

/// <summary>
/// Kept only for the Outreach sending accounts (src/Grains/Outreach/SendingAccountsGrain.cs), which still answer it;
/// the CRM itself answers <see cref="CommandResult{T}"/>. Delete this file when sending accounts move over.
/// The answer to a CRM command: the record on success (<see cref="Existing"/> when an idempotent create found it),
/// otherwise why not; <see cref="Errors"/> names the field a refusal or conflict is about.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.CrmResult`1")]
public sealed record CrmResult<T>(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] T? Value = null,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: Id(4)] bool Existing = false) where T : class
{
    public static CrmResult<T> Ok(T value, bool existing = false) => new(CommandOutcome.Ok, value, Existing: existing);
    public static CrmResult<T> NotFound(string message) => new(CommandOutcome.NotFound, Message: message);

    public static CrmResult<T> Conflict(string field, string message) =>
        new(CommandOutcome.Conflict, Message: message, Errors: new Dictionary<string, string[]> { [field] = [message] });

    public static CrmResult<T> Invalid(string field, string message) =>
        new(CommandOutcome.Invalid, Message: message, Errors: new Dictionary<string, string[]> { [field] = [message] });
}
