using System.Text.Json;
using Campaigns.Api.Validation;
using Campaigns.CampaignCore;

namespace Campaigns.Api.Endpoints;

/// <summary>Body of <c>POST /api/campaigns</c>.</summary>
public sealed record CreateCampaignRequest(
    string? Name,
    string? Description,
    string? Kind,
    long? Budget,
    string? Currency,
    List<string?>? Goals,
    List<string?>? Platforms,
    DateOnly? StartDate,
    DateOnly? EndDate)
{
    public CampaignDraft? ToDraft(FieldErrors errors)
    {
        var name = CampaignFields.Name(Name, errors);
        var description = CampaignFields.Description(Description, errors);
        var kind = CampaignKinds.Parse(Kind, errors, required: true);
        CampaignFields.Budget(Budget, errors, required: true);
        var currency = CampaignFields.Currency(Currency, errors);
        var goals = CampaignFields.Goals(Goals, errors);
        var platforms = CampaignFields.Platforms(Platforms, errors);
        CampaignFields.Dates(StartDate, EndDate, errors);
        return errors.Any
            ? null
            : new CampaignDraft(name!, description, kind!.Value, Budget!.Value, currency, goals, platforms, StartDate, EndDate);
    }
}

/// <summary>
/// Body of <c>PATCH /api/campaigns/{id}</c>, read as JSON merge patch (RFC 7396): an absent member
/// is unchanged, <c>null</c> clears an optional field. Declared for the OpenAPI document; parsed by
/// <see cref="CampaignPatch"/> because a typed binder cannot tell absent from null.
/// </summary>
public sealed record PatchCampaignRequest(
    string? Name,
    string? Description,
    long? Budget,
    string? Currency,
    List<string>? Goals,
    List<string>? Platforms,
    DateOnly? StartDate,
    DateOnly? EndDate);

/// <summary>Turns a merge-patch document into <see cref="CampaignChanges"/>, naming every refused field.</summary>
public static class CampaignPatch
{
    private static readonly HashSet<string> Immutable = ["id", "kind", "status", "current_budget", "spent", "created_at", "updated_at"];

    public static CampaignChanges? Parse(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
            return null;
        }

        var changes = new CampaignChanges();
        foreach (var member in body.EnumerateObject())
        {
            var value = member.Value;
            var isNull = value.ValueKind == JsonValueKind.Null;
            switch (member.Name)
            {
                case "name":
                    changes = changes with { Name = CampaignFields.Name(isNull ? null : JsonMembers.Text(member, errors), errors) };
                    break;
                case "description":
                    changes = changes with { Description = isNull ? "" : CampaignFields.Description(JsonMembers.Text(member, errors), errors) ?? "" };
                    break;
                case "budget":
                    var budget = isNull ? null : JsonMembers.Integer(member, errors, expected: "Expected an integer (minor units, e.g. cents).");
                    CampaignFields.Budget(budget, errors, required: true);
                    changes = changes with { Budget = budget };
                    break;
                case "currency":
                    changes = changes with { Currency = CampaignFields.Currency(isNull ? "" : JsonMembers.Text(member, errors), errors) };
                    break;
                case "goals":
                    changes = changes with { Goals = CampaignFields.Goals(isNull ? [] : JsonMembers.TextList(member, errors), errors) };
                    break;
                case "platforms":
                    changes = changes with { Platforms = CampaignFields.Platforms(isNull ? [] : JsonMembers.TextList(member, errors), errors) };
                    break;
                case "start_date":
                    changes = isNull ? changes with { ClearStartDate = true } : changes with { StartDate = JsonMembers.Date(member, errors) };
                    break;
                case "end_date":
                    changes = isNull ? changes with { ClearEndDate = true } : changes with { EndDate = JsonMembers.Date(member, errors) };
                    break;
                case var name when Immutable.Contains(name):
                    errors.Add(name, name == "status"
                        ? "Status changes through the lifecycle endpoints (/schedule, /launch, /pause, /resume, /complete, /cancel)."
                        : $"'{name}' cannot be changed.");
                    break;
                default:
                    errors.Add(member.Name, $"Unknown field '{member.Name}'.");
                    break;
            }
        }

        CampaignFields.Dates(changes.StartDate, changes.EndDate, errors);
        return errors.Any ? null : changes;
    }
}

/// <summary>Body of <c>POST /api/campaigns/{id}/schedule</c>.</summary>
public sealed record ScheduleCampaignRequest(DateTimeOffset? ScheduledFor);

/// <summary>The API spelling of campaign kinds and statuses.</summary>
/// <remarks>
/// Matches whole names only (case-insensitively): <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would also take
/// "marketing,ads" or " 2" and quietly turn them into a different member.
/// </remarks>
public static class CampaignKinds
{
    private static readonly Dictionary<string, CampaignKind> Kinds =
        Enum.GetValues<CampaignKind>().ToDictionary(Storage.DbNames.Of, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, CampaignStatus> Statuses =
        Enum.GetValues<CampaignStatus>().ToDictionary(Storage.DbNames.Of, StringComparer.OrdinalIgnoreCase);

    public static CampaignKind? Parse(string? value, FieldErrors errors, bool required, string field = "kind")
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, $"Kind is required: one of {Names(Kinds)}.");
            }

            return null;
        }

        return Kinds.TryGetValue(value, out var kind) ? kind : Fail(field, value, Kinds, errors);
    }

    public static CampaignStatus? ParseStatus(string? value, FieldErrors errors, string field = "status") =>
        value is null ? null
        : Statuses.TryGetValue(value, out var status) ? status
        : Fail(field, value, Statuses, errors);

    private static T? Fail<T>(string field, string value, Dictionary<string, T> known, FieldErrors errors) where T : struct, Enum
    {
        errors.Add(field, $"Unknown value '{value}'. Allowed: {Names(known)}.");
        return null;
    }

    private static string Names<T>(Dictionary<string, T> known) => string.Join(", ", known.Keys);
}
