using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Crm;

namespace Campaigns.Api.Crm;

/// <summary>Body of <c>POST /api/contacts</c> and (every member optional, JSON merge patch) <c>PATCH /api/contacts/{id}</c>; declared for the OpenAPI document, parsed by <see cref="ContactBody"/>.</summary>
public sealed record ContactRequest(
    string? FirstName, string? LastName, string? Email, string? Phone, long? TelegramId, string? TelegramUsername, Guid? CompanyId,
    Dictionary<string, JsonElement>? Attributes);

/// <summary>A contact as the API answers it: attributes as the JSON object they are, not as text.</summary>
public sealed record ContactResponse(
    Guid Id, string? FirstName, string? LastName, string? Email, string? Phone, long? TelegramId, string? TelegramUsername, Guid? CompanyId,
    [property: JsonConverter(typeof(RawJson))] string Attributes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ContactResponse From(ContactView c) =>
        new(c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.TelegramId, c.TelegramUsername, c.CompanyId, c.Attributes, c.CreatedAt, c.UpdatedAt);
}

/// <summary>
/// The one validator of a contact body (<see cref="ContactRequest"/>), read member by member so unknown or read-only
/// members are named: every rule is shared by POST and the merge patch, which is its partial mode (only the members
/// sent are taken; attributes merge).
/// </summary>
public static class ContactBody
{
    private static readonly HashSet<string> Immutable = ["id", "created_at", "updated_at"];

    public static ContactDraft? ParseCreate(JsonElement body, FieldErrors errors)
    {
        if (Parse(body, errors, partial: false) is not { } changes)
        {
            return null;
        }

        var draft = changes.Values;
        if (draft is { FirstName: null, LastName: null, Email: null, Phone: null, TelegramId: null, TelegramUsername: null })
        {
            errors.Add("body", "A contact needs at least one of first_name, last_name, email, phone, telegram_id or telegram_username.");
            return null;
        }

        return draft;
    }

    public static ContactChanges? Parse(JsonElement body, FieldErrors errors, bool partial)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
            return null;
        }

        var values = new ContactDraft();
        var fields = new HashSet<ContactField>();
        foreach (var member in body.EnumerateObject())
        {
            var isNull = member.Value.ValueKind == JsonValueKind.Null;
            string? Text() => isNull ? null : JsonMembers.Text(member, errors);
            switch (member.Name)
            {
                case "first_name":
                    values = values with { FirstName = CrmFields.OptionalName(Text(), errors, member.Name) };
                    fields.Add(ContactField.FirstName);
                    break;
                case "last_name":
                    values = values with { LastName = CrmFields.OptionalName(Text(), errors, member.Name) };
                    fields.Add(ContactField.LastName);
                    break;
                case "email":
                    values = values with { Email = CrmFields.Email(Text(), errors) };
                    fields.Add(ContactField.Email);
                    break;
                case "phone":
                    values = values with { Phone = CrmFields.Phone(Text(), errors) };
                    fields.Add(ContactField.Phone);
                    break;
                case "telegram_id":
                    values = values with { TelegramId = isNull ? null : CrmFields.TelegramId(member.Value, errors) };
                    fields.Add(ContactField.TelegramId);
                    break;
                case "telegram_username":
                    values = values with { TelegramUsername = CrmFields.TelegramUsername(Text(), errors) };
                    fields.Add(ContactField.TelegramUsername);
                    break;
                case "company_id":
                    values = values with { CompanyId = isNull ? null : CrmFields.Reference(member.Value, errors, member.Name) };
                    fields.Add(ContactField.CompanyId);
                    break;
                case "attributes":
                    // Null replaces the attributes with none; an object is merged (patch) or taken as is (create).
                    values = values with { Attributes = isNull ? "{}" : CrmFields.Attributes(member.Value, errors, partial) ?? "{}" };
                    fields.Add(ContactField.Attributes);
                    if (isNull && partial)
                    {
                        errors.Add("attributes", "attributes must be an object; to remove one attribute send {\"name\": null}.");
                    }

                    break;
                case var name when Immutable.Contains(name):
                    errors.Add(name, $"'{name}' cannot be changed.");
                    break;
                default:
                    errors.Add(member.Name, $"Unknown field '{member.Name}'.");
                    break;
            }
        }

        return errors.Any ? null : new ContactChanges(values, fields);
    }
}
