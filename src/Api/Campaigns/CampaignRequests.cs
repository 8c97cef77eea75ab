using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Outreach;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Campaigns;

// Over 400 lines: every campaign kind's request parsing is here, because create and PATCH share it. The feature-folder
// restructure splits it by kind (and removes the double parse of create and patch); this change only touched two lines.

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
        var influencer = kind == CampaignKind.Influencer ? Brief(errors) : RefuseBrief(kind, errors);
        var outreach = kind == CampaignKind.Outreach ? OutreachBrief(errors) : RefuseOutreach(kind, errors);
        var content = Content is { ValueKind: not JsonValueKind.Null } c ? MarketingFields.Content(c, errors) : null;
        MarketingBrief? marketing = null;
        if (kind == CampaignKind.Marketing)
        {
            marketing = new MarketingBrief(
                MarketingFields.Type(Type, errors), [.. MarketingFields.MediaUrls(MediaUrls, errors)], [.. MarketingFields.SegmentIds(SegmentIds, errors)]);
        }
        else
        {
            MarketingFields.Refuse(kind, errors, ("type", Type), ("media_urls", MediaUrls), ("segment_ids", SegmentIds), ("content", content));
        }

        return errors.Any
            ? null
            : new CampaignDraft(name!, description, kind!.Value, Budget!.Value, currency, goals, platforms, StartDate, EndDate, influencer,
                marketing, content, Outreach: outreach);
    }

    private global::Campaigns.Influencer.InfluencerBrief Brief(FieldErrors errors) => new(
        InfluencerFields.AudienceSize(AudienceSize, errors),
        InfluencerFields.Text("target_location", TargetLocation, InfluencerFields.LocationMaxLength, errors),
        InfluencerFields.Text("target_audience", AudienceText(errors), InfluencerFields.AudienceMaxLength, errors),
        (TrackingConfig ?? new TrackingConfigRequest(null, null, null, null, null)).ToConfig(errors));

    private global::Campaigns.Influencer.InfluencerBrief? RefuseBrief(CampaignKind? kind, FieldErrors errors)
    {
        foreach (var (field, value) in new (string, object?)[]
        {
            ("audience_size", AudienceSize), ("target_location", TargetLocation),
            ("target_audience", kind == CampaignKind.Outreach ? null : TargetAudience), ("tracking_config", TrackingConfig),
        })
        {
            if (value is not null && kind is { } known)
            {
                errors.Add(field, $"Only influencer campaigns have {field}; this one is '{DbNames.Of(known)}'.");
            }
        }

        return null;
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

    private (string Name, JsonElement? Value)[] OutreachMembers() =>
    [
        ("schedule", Schedule), ("target_audience", TargetAudience), ("lead_creation_settings", LeadCreationSettings),
        ("pipeline_id", PipelineId), ("jitter_minutes", JitterMinutes),
    ];

    private global::Campaigns.Outreach.OutreachBrief OutreachBrief(FieldErrors errors)
    {
        var changes = new global::Campaigns.Outreach.OutreachBriefChanges();
        foreach (var (name, value) in OutreachMembers())
        {
            if (value is { ValueKind: not JsonValueKind.Null } present)
            {
                OutreachFields.TryRead(name, present, ref changes, errors);
            }
        }

        return changes.ApplyTo(global::Campaigns.Outreach.OutreachBrief.Empty);
    }

    private global::Campaigns.Outreach.OutreachBrief? RefuseOutreach(CampaignKind? kind, FieldErrors errors)
    {
        foreach (var (name, value) in OutreachMembers())
        {
            // target_audience belongs to the influencer brief too, which checks it there.
            if (name != "target_audience" && value is { ValueKind: not JsonValueKind.Null } && kind is { } known)
            {
                errors.Add(name, $"Only outreach campaigns have {name}; this one is '{DbNames.Of(known)}'.");
            }
        }

        return null;
    }
}

/// <summary>How an influencer campaign recognises its posts (the seed's <c>campaign_tracking_config</c>).</summary>
public sealed record TrackingConfigRequest(
    List<string?>? RequiredHashtags,
    List<string?>? OptionalHashtags,
    List<string?>? RequiredMentions,
    string? TrackingLinkPattern,
    double? MinMatchConfidence)
{
    public global::Campaigns.Influencer.TrackingConfig ToConfig(FieldErrors errors) => new(
        [.. InfluencerFields.Tags("tracking_config.required_hashtags", '#', RequiredHashtags, errors)],
        [.. InfluencerFields.Tags("tracking_config.optional_hashtags", '#', OptionalHashtags, errors)],
        [.. InfluencerFields.Tags("tracking_config.required_mentions", '@', RequiredMentions, errors)],
        InfluencerFields.LinkPattern(TrackingLinkPattern, errors),
        InfluencerFields.MinMatchConfidence(MinMatchConfidence, errors) ?? global::Campaigns.Influencer.TrackingConfig.DefaultMinMatchConfidence);
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
    DateOnly? EndDate,
    string? AudienceSize,
    string? TargetLocation,
    JsonElement? TargetAudience,
    TrackingConfigRequest? TrackingConfig,
    string? Type,
    List<string>? MediaUrls,
    List<string>? SegmentIds,
    JsonElement? Content,
    JsonElement? Schedule = null,
    JsonElement? LeadCreationSettings = null,
    JsonElement? PipelineId = null,
    JsonElement? JitterMinutes = null);

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
        var influencer = new global::Campaigns.Influencer.InfluencerBriefChanges();
        var touchesInfluencer = false;
        var marketing = new MarketingBriefChanges();
        var touchesMarketing = false;
        var outreach = new global::Campaigns.Outreach.OutreachBriefChanges();
        var touchesOutreach = false;
        foreach (var member in body.EnumerateObject())
        {
            var value = member.Value;
            var isNull = value.ValueKind == JsonValueKind.Null;
            // target_audience is the influencer brief's text, or the outreach section's object: its JSON type says which.
            var outreachAudience = member.Name == "target_audience" && value.ValueKind == JsonValueKind.Object;
            touchesInfluencer |= member.Name is "audience_size" or "target_location" or "tracking_config"
                || (member.Name == "target_audience" && !outreachAudience);
            if ((outreachAudience || (member.Name != "target_audience" && OutreachFields.Members.Contains(member.Name)))
                && OutreachFields.TryRead(member.Name, value, ref outreach, errors))
            {
                touchesOutreach = true;
                continue;
            }

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
                case "audience_size":
                    var size = isNull ? null : InfluencerFields.AudienceSize(JsonMembers.Text(member, errors), errors);
                    influencer = isNull ? influencer with { ClearAudienceSize = true } : influencer with { AudienceSize = size };
                    break;
                case "target_location":
                    influencer = influencer with
                    {
                        TargetLocation = isNull ? "" : InfluencerFields.Text(member.Name, JsonMembers.Text(member, errors), InfluencerFields.LocationMaxLength, errors) ?? "",
                    };
                    break;
                case "target_audience":
                    influencer = influencer with
                    {
                        TargetAudience = isNull ? "" : InfluencerFields.Text(member.Name, JsonMembers.Text(member, errors), InfluencerFields.AudienceMaxLength, errors) ?? "",
                    };
                    break;
                case "tracking_config":
                    influencer = TrackingConfigPatch.Parse(value, influencer, errors);
                    break;
                case "type":
                    touchesMarketing = true;
                    marketing = marketing with { Type = isNull ? "" : MarketingFields.Type(JsonMembers.Text(member, errors), errors) ?? "" };
                    break;
                case "media_urls":
                    touchesMarketing = true;
                    marketing = marketing with { MediaUrls = MarketingFields.MediaUrls(isNull ? [] : JsonMembers.TextList(member, errors), errors) };
                    break;
                case "segment_ids":
                    touchesMarketing = true;
                    marketing = marketing with { SegmentIds = MarketingFields.SegmentIds(isNull ? [] : JsonMembers.TextList(member, errors), errors) };
                    break;
                case "content":
                    // The whole content is replaced (not merged member by member): it is one message per platform.
                    changes = isNull ? changes with { ClearContent = true } : changes with { ContentJson = MarketingFields.Content(value, errors) };
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
        if (touchesInfluencer)
        {
            changes = changes with { Influencer = influencer };
        }

        if (touchesMarketing)
        {
            changes = changes with { Marketing = marketing };
        }

        if (touchesOutreach)
        {
            changes = changes with { Outreach = outreach };
        }

        return errors.Any ? null : changes;
    }
}

/// <summary>
/// The <c>tracking_config</c> member of a merge patch: its members merge one by one (RFC 7396), and <c>null</c> for the
/// whole object resets it to no tracking signals and the default minimum confidence.
/// </summary>
public static class TrackingConfigPatch
{
    public static global::Campaigns.Influencer.InfluencerBriefChanges Parse(JsonElement value, global::Campaigns.Influencer.InfluencerBriefChanges changes, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return changes with
            {
                RequiredHashtags = [], OptionalHashtags = [], RequiredMentions = [], TrackingLinkPattern = "",
                MinMatchConfidence = global::Campaigns.Influencer.TrackingConfig.DefaultMinMatchConfidence,
            };
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("tracking_config", "Expected a JSON object.");
            return changes;
        }

        foreach (var member in value.EnumerateObject())
        {
            var field = $"tracking_config.{member.Name}";
            var isNull = member.Value.ValueKind == JsonValueKind.Null;
            switch (member.Name)
            {
                case "required_hashtags":
                    changes = changes with { RequiredHashtags = InfluencerFields.Tags(field, '#', isNull ? [] : JsonMembers.TextList(member, errors, field), errors) };
                    break;
                case "optional_hashtags":
                    changes = changes with { OptionalHashtags = InfluencerFields.Tags(field, '#', isNull ? [] : JsonMembers.TextList(member, errors, field), errors) };
                    break;
                case "required_mentions":
                    changes = changes with { RequiredMentions = InfluencerFields.Tags(field, '@', isNull ? [] : JsonMembers.TextList(member, errors, field), errors) };
                    break;
                case "tracking_link_pattern":
                    changes = changes with { TrackingLinkPattern = isNull ? "" : InfluencerFields.LinkPattern(JsonMembers.Text(member, errors, field), errors) ?? "" };
                    break;
                case "min_match_confidence":
                    var confidence = isNull ? global::Campaigns.Influencer.TrackingConfig.DefaultMinMatchConfidence
                        : (double?)JsonMembers.Decimal(member, errors, field);
                    changes = changes with { MinMatchConfidence = InfluencerFields.MinMatchConfidence(confidence, errors) };
                    break;
                default:
                    errors.Add(field, $"Unknown field '{member.Name}'.");
                    break;
            }
        }

        return changes;
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
