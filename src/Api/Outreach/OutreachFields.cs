using System.Globalization;
using System.Text.Json;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Outreach;

namespace Campaigns.Api.Outreach;

/// <summary>
/// Field rules of an outreach campaign's section (seed 001), shared by creation and merge-patch: every member merges
/// one by one (RFC 7396) and every refusal names its path, e.g. <c>schedule.working_hours.start</c>.
/// </summary>
/// <remarks>
/// <c>days_of_week</c> numbers days as JavaScript does (the seed's TypeScript types): 0 = Sunday … 6 = Saturday, and
/// 7 is accepted as Sunday too (ISO's numbering ends the week with it). A new schedule's unspecified members are UTC,
/// all day (start == end) and every day.
/// </remarks>
public static class OutreachFields
{
    /// <summary>The top-level request members of the outreach section.</summary>
    public static readonly IReadOnlyList<string> Members = ["schedule", "target_audience", "lead_creation_settings", "pipeline_id", "jitter_minutes"];

    public const int MaxAudienceLimit = 100_000;
    public const int MaxContactIds = global::Campaigns.Outreach.OutreachAudience.MaxContactIds;
    public const int MaxSendDelaySeconds = 86_400;
    public const int MaxJitterMinutes = 1_440;

    /// <summary>Reads one top-level outreach member into <paramref name="changes"/>; false when <paramref name="name"/> is not one.</summary>
    public static bool TryRead(string name, JsonElement value, ref OutreachBriefChanges changes, FieldErrors errors)
    {
        var isNull = value.ValueKind == JsonValueKind.Null;
        switch (name)
        {
            case "schedule":
                changes = isNull ? changes with { ClearSchedule = true, Schedule = null } : changes with { Schedule = Schedule(value, errors) };
                return true;
            case "target_audience":
                changes = changes with { Audience = Audience(value, changes.Audience ?? new OutreachAudienceChanges(), errors) };
                return true;
            case "lead_creation_settings":
                changes = isNull ? changes with { ClearLeadCreation = true, LeadCreation = null } : changes with { LeadCreation = LeadCreation(value, errors) };
                return true;
            case "pipeline_id":
                changes = isNull ? changes with { ClearPipelineId = true, PipelineId = null } : changes with { PipelineId = Id(value, name, errors) };
                return true;
            case "jitter_minutes":
                changes = changes with { JitterMinutes = isNull ? 0 : Integer(value, name, 0, MaxJitterMinutes, errors) };
                return true;
            default:
                return false;
        }
    }

    private static OutreachScheduleChanges? Schedule(JsonElement value, FieldErrors errors)
    {
        if (!IsObject(value, "schedule", errors))
        {
            return null;
        }

        var changes = new OutreachScheduleChanges();
        foreach (var member in value.EnumerateObject())
        {
            var field = $"schedule.{member.Name}";
            switch (member.Name)
            {
                case "timezone":
                    changes = changes with { TimeZone = TimeZone(member.Value, field, errors) };
                    break;
                case "working_hours":
                    if (!IsObject(member.Value, field, errors))
                    {
                        break;
                    }

                    foreach (var hours in member.Value.EnumerateObject())
                    {
                        var hoursField = $"{field}.{hours.Name}";
                        switch (hours.Name)
                        {
                            case "start":
                                changes = changes with { WorkStart = Time(hours.Value, hoursField, errors) };
                                break;
                            case "end":
                                changes = changes with { WorkEnd = Time(hours.Value, hoursField, errors) };
                                break;
                            default:
                                errors.Add(hoursField, $"Unknown field '{hours.Name}'. Allowed: start, end.");
                                break;
                        }
                    }

                    break;
                case "days_of_week":
                    changes = changes with { DaysOfWeek = Days(member.Value, field, errors) };
                    break;
                default:
                    errors.Add(field, $"Unknown field '{member.Name}'. Allowed: timezone, working_hours, days_of_week.");
                    break;
            }
        }

        return changes;
    }

    private static OutreachAudienceChanges Audience(JsonElement value, OutreachAudienceChanges changes, FieldErrors errors)
    {
        if (!IsObject(value, "target_audience", errors))
        {
            return changes;
        }

        foreach (var member in value.EnumerateObject())
        {
            var field = $"target_audience.{member.Name}";
            var isNull = member.Value.ValueKind == JsonValueKind.Null;
            switch (member.Name)
            {
                case "filters":
                    changes = Filters(member.Value, changes, errors);
                    break;
                case "limit":
                    changes = isNull ? changes with { ClearLimit = true, Limit = null } : changes with { Limit = Integer(member.Value, field, 1, MaxAudienceLimit, errors) };
                    break;
                case "only_new":
                    changes = changes with { OnlyNew = isNull ? false : Boolean(member.Value, field, errors) };
                    break;
                case "contact_ids":
                    changes = changes with { ContactIds = isNull ? [] : Ids(member.Value, field, MaxContactIds, errors) };
                    break;
                case "bd_account_id":
                    changes = isNull ? changes with { ClearSendingAccountId = true, SendingAccountId = null } : changes with { SendingAccountId = Id(member.Value, field, errors) };
                    break;
                case "send_delay_seconds":
                    changes = changes with { SendDelaySeconds = isNull ? 0 : Integer(member.Value, field, 0, MaxSendDelaySeconds, errors) };
                    break;
                default:
                    errors.Add(field, $"Unknown field '{member.Name}'. Allowed: filters, limit, only_new, contact_ids, bd_account_id, send_delay_seconds.");
                    break;
            }
        }

        return changes;
    }

    private static OutreachAudienceChanges Filters(JsonElement value, OutreachAudienceChanges changes, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return changes with
            {
                ClearHasTelegram = true, HasTelegram = null, ClearCompanyId = true, CompanyId = null, ClearPipelineId = true, PipelineId = null,
            };
        }

        if (!IsObject(value, "target_audience.filters", errors))
        {
            return changes;
        }

        foreach (var member in value.EnumerateObject())
        {
            var field = $"target_audience.filters.{member.Name}";
            var isNull = member.Value.ValueKind == JsonValueKind.Null;
            switch (member.Name)
            {
                case "has_telegram":
                    changes = isNull ? changes with { ClearHasTelegram = true, HasTelegram = null } : changes with { HasTelegram = Boolean(member.Value, field, errors) };
                    break;
                case "company_id":
                    changes = isNull ? changes with { ClearCompanyId = true, CompanyId = null } : changes with { CompanyId = Id(member.Value, field, errors) };
                    break;
                case "pipeline_id":
                    changes = isNull ? changes with { ClearPipelineId = true, PipelineId = null } : changes with { PipelineId = Id(member.Value, field, errors) };
                    break;
                default:
                    errors.Add(field, $"Unknown field '{member.Name}'. Allowed: has_telegram, company_id, pipeline_id.");
                    break;
            }
        }

        return changes;
    }

    private static LeadCreationSettings? LeadCreation(JsonElement value, FieldErrors errors)
    {
        if (!IsObject(value, "lead_creation_settings", errors))
        {
            return null;
        }

        LeadTrigger? trigger = null;
        Guid? stage = null;
        foreach (var member in value.EnumerateObject())
        {
            var field = $"lead_creation_settings.{member.Name}";
            switch (member.Name)
            {
                case "trigger":
                    trigger = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() switch
                    {
                        "on_first_send" => LeadTrigger.OnFirstSend,
                        "on_reply" => LeadTrigger.OnReply,
                        _ => null,
                    } : null;
                    if (trigger is null)
                    {
                        errors.Add(field, "trigger must be 'on_first_send' or 'on_reply'.");
                    }

                    break;
                case "default_stage_id":
                    stage = member.Value.ValueKind == JsonValueKind.Null ? null : Id(member.Value, field, errors);
                    break;
                default:
                    errors.Add(field, $"Unknown field '{member.Name}'. Allowed: trigger, default_stage_id.");
                    break;
            }
        }

        if (trigger is null)
        {
            if (!value.TryGetProperty("trigger", out _))
            {
                errors.Add("lead_creation_settings.trigger", "trigger is required: 'on_first_send' or 'on_reply'.");
            }

            return null;
        }

        return new LeadCreationSettings(trigger.Value, stage);
    }

    private static string? TimeZone(JsonElement value, string field, FieldErrors errors)
    {
        var id = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (id is { Length: > 0 and <= 100 })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id).Id == id ? id : Refuse();
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
            }
        }

        return Refuse();

        string? Refuse()
        {
            errors.Add(field, "timezone must be an IANA time zone id such as 'Europe/Moscow' or 'UTC'.");
            return null;
        }
    }

    private static TimeOnly? Time(JsonElement value, string field, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.String
            && TimeOnly.TryParseExact(value.GetString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, "Expected a time of day as \"HH:mm\" (00:00 to 23:59).");
        return null;
    }

    private static IReadOnlyList<DayOfWeek>? Days(JsonElement value, string field, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, "Expected an array of day numbers, 0 = Sunday … 6 = Saturday (7 is also Sunday).");
            return null;
        }

        var days = new SortedSet<DayOfWeek>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var number) && number is >= 0 and <= 7)
            {
                days.Add((DayOfWeek)(number % 7));
            }
            else
            {
                errors.Add($"{field}[{index}]", "Expected a day number from 0 (Sunday) to 6 (Saturday); 7 is also Sunday.");
            }

            index++;
        }

        if (index == 0)
        {
            errors.Add(field, "At least one day is required (0 = Sunday … 6 = Saturday).");
        }

        return days.ToList();
    }

    public static Guid? Id(JsonElement value, string field, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id))
        {
            return id;
        }

        errors.Add(field, "Expected a UUID.");
        return null;
    }

    private static IReadOnlyList<Guid>? Ids(JsonElement value, string field, int max, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, "Expected an array of UUIDs.");
            return null;
        }

        var ids = new List<Guid>();
        var seen = new HashSet<Guid>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Id(item, $"{field}[{index}]", errors) is { } id && seen.Add(id))
            {
                ids.Add(id);
            }

            index++;
        }

        if (ids.Count > max)
        {
            errors.Add(field, $"At most {max} contact ids.");
        }

        return ids;
    }

    public static int? Integer(JsonElement value, string field, int min, int max, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add(field, $"Expected a whole number from {min} to {max}.");
        return null;
    }

    private static bool? Boolean(JsonElement value, string field, FieldErrors errors)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(field, "Expected true or false.");
        return null;
    }

    private static bool IsObject(JsonElement value, string field, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add(field, "Expected a JSON object.");
        return false;
    }
}
