using System.Text.Json;
using Campaigns.Api.Infrastructure;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Campaigns;

/// <summary>
/// The campaign resource as a request body: <c>POST /api/campaigns</c> sends it whole, <c>PATCH /api/campaigns/{id}</c>
/// sends any of its members as a JSON merge patch (RFC 7396: an absent member is unchanged, <c>null</c> clears an
/// optional field). Both are validated by the one <see cref="CampaignValidator"/>; a patch is read member by member by
/// <see cref="CampaignPatch"/> because a typed binder cannot tell an absent member from null.
/// </summary>
public sealed record CampaignRequest(
    string? Name,
    string? Description,
    string? Kind,
    long? Budget,
    string? Currency,
    List<string?>? Goals,
    List<string?>? Platforms,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? AudienceSize = null,
    string? TargetLocation = null,
    JsonElement? TargetAudience = null,
    TrackingConfigRequest? TrackingConfig = null,
    string? Type = null,
    List<string?>? MediaUrls = null,
    List<string?>? SegmentIds = null,
    JsonElement? Content = null,
    JsonElement? Schedule = null,
    JsonElement? LeadCreationSettings = null,
    JsonElement? PipelineId = null,
    JsonElement? JitterMinutes = null)
{
    /// <summary>Validates every member for a new campaign; another kind's members are refused, each by name.</summary>
    public CampaignDraft? ToDraft(FieldErrors errors)
    {
        var v = new CampaignValidator(errors);
        v.Name(Name);
        v.Description(Description, isNull: false);
        var kind = CampaignKinds.Parse(Kind, errors, required: true);
        v.Budget(Budget);
        v.Currency(Currency, isNull: false);
        v.Goals(Goals);
        v.Platforms(Platforms);
        v.StartDate(StartDate, isNull: false);
        v.EndDate(EndDate, isNull: false);
        v.Dates();
        Influencer(v, kind);
        Outreach(v, kind);
        if (Content is { ValueKind: not JsonValueKind.Null } content)
        {
            v.Content(content);
        }

        Marketing(v, kind);
        return v.ToDraft(kind);
    }

    private void Influencer(CampaignValidator v, CampaignKind? kind)
    {
        if (kind != CampaignKind.Influencer)
        {
            // An outreach campaign's target_audience is its own (an object), read with the outreach section.
            CampaignFields.OnlyFor(CampaignKind.Influencer, kind, v.Errors, ("audience_size", AudienceSize), ("target_location", TargetLocation),
                ("target_audience", kind == CampaignKind.Outreach ? null : TargetAudience), ("tracking_config", TrackingConfig));
            return;
        }

        v.AudienceSize(AudienceSize, isNull: false);
        v.TargetLocation(TargetLocation, isNull: false);
        v.TargetAudienceText(AudienceText(v.Errors), isNull: false);
        var tracking = TrackingConfig ?? new TrackingConfigRequest(null, null, null, null, null);
        v.RequiredHashtags(tracking.RequiredHashtags);
        v.OptionalHashtags(tracking.OptionalHashtags);
        v.RequiredMentions(tracking.RequiredMentions);
        v.TrackingLinkPattern(tracking.TrackingLinkPattern, isNull: false);
        v.MinMatchConfidence(tracking.MinMatchConfidence, isNull: false);
    }

    /// <summary>The influencer brief's target_audience: free text (outreach's is an object).</summary>
    private string? AudienceText(FieldErrors errors)
    {
        if (TargetAudience is not { ValueKind: not JsonValueKind.Null } audience)
        {
            return null;
        }

        if (audience.ValueKind == JsonValueKind.String)
        {
            return audience.GetString();
        }

        errors.Add("target_audience", "Expected a string (an influencer campaign's target audience is free text).");
        return null;
    }

    private void Outreach(CampaignValidator v, CampaignKind? kind)
    {
        (string Name, JsonElement? Value)[] members =
        [
            ("schedule", Schedule), ("target_audience", TargetAudience), ("lead_creation_settings", LeadCreationSettings),
            ("pipeline_id", PipelineId), ("jitter_minutes", JitterMinutes),
        ];
        if (kind != CampaignKind.Outreach)
        {
            // target_audience belongs to the influencer brief too, which checks it there.
            CampaignFields.OnlyFor(CampaignKind.Outreach, kind, v.Errors, [.. members
                .Where(m => m.Name != "target_audience")
                .Select(m => (m.Name, m.Value is { ValueKind: not JsonValueKind.Null } given ? (object?)given : null))]);
            return;
        }

        foreach (var (name, value) in members)
        {
            if (value is { ValueKind: not JsonValueKind.Null } given)
            {
                v.Outreach(name, given);
            }
        }
    }

    private void Marketing(CampaignValidator v, CampaignKind? kind)
    {
        if (kind != CampaignKind.Marketing)
        {
            CampaignFields.OnlyFor(CampaignKind.Marketing, kind, v.Errors,
                ("type", Type), ("media_urls", MediaUrls), ("segment_ids", SegmentIds), ("content", v.ContentJson));
            return;
        }

        v.Type(Type, isNull: false);
        v.MediaUrls(MediaUrls);
        v.SegmentIds(SegmentIds);
    }
}

/// <summary>How an influencer campaign recognises its posts (its tracking signals and how sure a match must be).</summary>
public sealed record TrackingConfigRequest(
    List<string?>? RequiredHashtags,
    List<string?>? OptionalHashtags,
    List<string?>? RequiredMentions,
    string? TrackingLinkPattern,
    double? MinMatchConfidence);

/// <summary>Reads a merge-patch document into the one <see cref="CampaignValidator"/>, member by member, naming every refused field.</summary>
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

        var v = new CampaignValidator(errors);
        foreach (var member in body.EnumerateObject())
        {
            var value = member.Value;
            var isNull = value.ValueKind == JsonValueKind.Null;
            // target_audience is the influencer brief's text, or the outreach section's object: its JSON type says which.
            var outreachAudience = member.Name == "target_audience" && value.ValueKind == JsonValueKind.Object;
            if ((outreachAudience || (member.Name != "target_audience" && Api.Outreach.OutreachFields.Members.Contains(member.Name)))
                && v.Outreach(member.Name, value))
            {
                continue;
            }

            string? Text() => isNull ? null : JsonMembers.Text(member, errors);
            List<string?>? TextList() => isNull ? null : JsonMembers.TextList(member, errors);
            switch (member.Name)
            {
                case "name": v.Name(Text()); break;
                case "description": v.Description(Text(), isNull); break;
                case "budget": v.Budget(isNull ? null : JsonMembers.Integer(member, errors, expected: "Expected an integer (minor units, e.g. cents).")); break;
                case "currency": v.Currency(Text(), isNull); break;
                case "goals": v.Goals(TextList()); break;
                case "platforms": v.Platforms(TextList()); break;
                case "start_date": v.StartDate(isNull ? null : JsonMembers.Date(member, errors), isNull); break;
                case "end_date": v.EndDate(isNull ? null : JsonMembers.Date(member, errors), isNull); break;
                case "audience_size": v.AudienceSize(Text(), isNull); break;
                case "target_location": v.TargetLocation(Text(), isNull); break;
                case "target_audience": v.TargetAudienceText(Text(), isNull); break;
                case "tracking_config": TrackingConfig(value, v); break;
                case "type": v.Type(Text(), isNull); break;
                case "media_urls": v.MediaUrls(TextList()); break;
                case "segment_ids": v.SegmentIds(TextList()); break;
                case "content": v.Content(value); break;
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

        return v.ToChanges();
    }

    /// <summary>The <c>tracking_config</c> member: null resets it; an object's members merge one by one.</summary>
    private static void TrackingConfig(JsonElement value, CampaignValidator v)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            v.ResetTracking();
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            v.Errors.Add("tracking_config", "Expected a JSON object.");
            return;
        }

        v.TrackingSent();
        foreach (var member in value.EnumerateObject())
        {
            var field = $"tracking_config.{member.Name}";
            var isNull = member.Value.ValueKind == JsonValueKind.Null;
            List<string?> Tags() => isNull ? [] : JsonMembers.TextList(member, v.Errors, field);
            switch (member.Name)
            {
                case "required_hashtags": v.RequiredHashtags(Tags()); break;
                case "optional_hashtags": v.OptionalHashtags(Tags()); break;
                case "required_mentions": v.RequiredMentions(Tags()); break;
                case "tracking_link_pattern": v.TrackingLinkPattern(isNull ? null : JsonMembers.Text(member, v.Errors, field), isNull); break;
                case "min_match_confidence": v.MinMatchConfidence(isNull ? null : (double?)JsonMembers.Decimal(member, v.Errors, field), isNull); break;
                default: v.Errors.Add(field, $"Unknown field '{member.Name}'."); break;
            }
        }
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
        Enum.GetValues<CampaignKind>().ToDictionary(DbNames.Of, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, CampaignStatus> Statuses =
        Enum.GetValues<CampaignStatus>().ToDictionary(DbNames.Of, StringComparer.OrdinalIgnoreCase);

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
