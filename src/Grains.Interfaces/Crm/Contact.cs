
namespace Campaigns.Crm;

/// <summary>A contact as callers see it; <see cref="Attributes"/> is a JSON object of scalar values, as text.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ContactView")]
public sealed record ContactView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string? FirstName,
    [property: Id(2)] string? LastName,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? Phone,
    [property: Id(5)] long? TelegramId,
    [property: Id(6)] string? TelegramUsername,
    [property: Id(7)] Guid? CompanyId,
    [property: Id(8)] string Attributes,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset UpdatedAt);

/// <summary>A contact's writable fields, already validated and normalized.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ContactDraft")]
public sealed record ContactDraft(
    [property: Id(0)] string? FirstName = null,
    [property: Id(1)] string? LastName = null,
    [property: Id(2)] string? Email = null,
    [property: Id(3)] string? Phone = null,
    [property: Id(4)] long? TelegramId = null,
    [property: Id(5)] string? TelegramUsername = null,
    [property: Id(6)] Guid? CompanyId = null,
    [property: Id(7)] string Attributes = "{}");

/// <summary>A contact field a caller may change.</summary>
[GenerateSerializer, Alias("campaigns.ContactField")]
public enum ContactField
{
    FirstName = 0,
    LastName = 1,
    Email = 2,
    Phone = 3,
    TelegramId = 4,
    TelegramUsername = 5,
    CompanyId = 6,
    Attributes = 7,
}

/// <summary>
/// A merge patch of a contact: only the <see cref="Fields"/> named are taken from <see cref="Values"/> (where null
/// clears), because a null alone cannot tell "clear" from "unchanged". <see cref="ContactDraft.Attributes"/> is
/// itself a merge patch of the attributes: a null member removes that attribute.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.ContactChanges")]
public sealed record ContactChanges(
    [property: Id(0)] ContactDraft Values,
    [property: Id(1)] IReadOnlySet<ContactField> Fields);

/// <summary>Filters of a contact listing; <see cref="Text"/> searches names, e-mail, phone and Telegram username.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ContactQuery")]
public sealed record ContactQuery(
    [property: Id(0)] string? Text,
    [property: Id(1)] Guid? CompanyId,
    [property: Id(2)] bool? HasTelegram,
    [property: Id(3)] Guid? PipelineId,
    [property: Id(4)] int Limit,
    [property: Id(5)] Guid? After);
