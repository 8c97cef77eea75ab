using System.Text.Json;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Outreach;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Outreach;

namespace Campaigns.Api.Campaigns;

/// <summary>
/// The one validator of the campaign resource (<see cref="CampaignRequest"/>), for create and for JSON merge patch alike.
/// Each member has one method here that applies its rule and records the result as a <see cref="CampaignChanges"/>
/// (RFC 7396: <c>isNull</c> is a member sent as JSON null, which clears). Create calls every member's method with the
/// bound request's values (a null value is "not given"); a patch calls only the members sent, in the order sent. A draft
/// is then the collected changes applied to an empty campaign of the requested kind.
/// </summary>
/// <remarks>
/// The two modes differ only where the API always differed: create knows the kind, so it refuses another kind's members
/// here ("Only influencer campaigns have …"), while a patch leaves that to the campaign, which knows its own kind.
/// </remarks>
public sealed class CampaignValidator(FieldErrors errors)
{
    private CampaignChanges changes = new();
    private InfluencerBriefChanges influencer = new();
    private MarketingBriefChanges marketing = new();
    private OutreachBriefChanges outreach = new();
    private bool touchesInfluencer;
    private bool touchesMarketing;
    private bool touchesOutreach;

    public FieldErrors Errors => errors;

    /// <summary>The content as read so far (null when absent or refused).</summary>
    public string? ContentJson => changes.ContentJson;

    public void Name(string? value) => changes = changes with { Name = CampaignFields.Name(value, errors) };

    /// <summary>Empty clears the description.</summary>
    public void Description(string? value, bool isNull) =>
        changes = changes with { Description = isNull ? "" : CampaignFields.Description(value, errors) ?? "" };

    /// <summary>Required on create; a patch that sends it must send an amount (it cannot be cleared).</summary>
    public void Budget(long? value)
    {
        CampaignFields.Budget(value, errors, required: true);
        changes = changes with { Budget = value };
    }

    /// <summary>Not given on create is USD; null in a patch is refused (a campaign always has a currency).</summary>
    public void Currency(string? value, bool isNull) => changes = changes with { Currency = CampaignFields.Currency(isNull ? "" : value, errors) };

    public void Goals(IEnumerable<string?>? values) => changes = changes with { Goals = CampaignFields.Goals(values, errors) };

    public void Platforms(IEnumerable<string?>? values) => changes = changes with { Platforms = CampaignFields.Platforms(values, errors) };

    public void StartDate(DateOnly? value, bool isNull) =>
        changes = isNull ? changes with { ClearStartDate = true } : changes with { StartDate = value };

    public void EndDate(DateOnly? value, bool isNull) =>
        changes = isNull ? changes with { ClearEndDate = true } : changes with { EndDate = value };

    public void AudienceSize(string? value, bool isNull)
    {
        touchesInfluencer = true;
        influencer = isNull ? influencer with { ClearAudienceSize = true } : influencer with { AudienceSize = InfluencerFields.AudienceSize(value, errors) };
    }

    public void TargetLocation(string? value, bool isNull)
    {
        touchesInfluencer = true;
        influencer = influencer with
        {
            TargetLocation = isNull ? "" : InfluencerFields.Text("target_location", value, InfluencerFields.LocationMaxLength, errors) ?? "",
        };
    }

    /// <summary>The influencer brief's target_audience: free text (outreach's is an object, read by <see cref="Outreach"/>).</summary>
    public void TargetAudienceText(string? value, bool isNull)
    {
        touchesInfluencer = true;
        influencer = influencer with
        {
            TargetAudience = isNull ? "" : InfluencerFields.Text("target_audience", value, InfluencerFields.AudienceMaxLength, errors) ?? "",
        };
    }

    /// <summary>
    /// <c>tracking_config</c> sent as null resets it to no tracking signals and the default minimum confidence; its
    /// members otherwise merge one by one (RFC 7396) through the methods below.
    /// </summary>
    public void ResetTracking() => Tracking(influencer with
    {
        RequiredHashtags = [], OptionalHashtags = [], RequiredMentions = [], TrackingLinkPattern = "",
        MinMatchConfidence = TrackingConfig.DefaultMinMatchConfidence,
    });

    /// <summary>A <c>tracking_config</c> object was sent: the influencer section is touched even when it names no member.</summary>
    public void TrackingSent() => Tracking(influencer);

    public void RequiredHashtags(IEnumerable<string?>? values) => Tracking(influencer with
    {
        RequiredHashtags = InfluencerFields.Tags("tracking_config.required_hashtags", '#', values, errors),
    });

    public void OptionalHashtags(IEnumerable<string?>? values) => Tracking(influencer with
    {
        OptionalHashtags = InfluencerFields.Tags("tracking_config.optional_hashtags", '#', values, errors),
    });

    public void RequiredMentions(IEnumerable<string?>? values) => Tracking(influencer with
    {
        RequiredMentions = InfluencerFields.Tags("tracking_config.required_mentions", '@', values, errors),
    });

    public void TrackingLinkPattern(string? value, bool isNull) => Tracking(influencer with
    {
        TrackingLinkPattern = isNull ? "" : InfluencerFields.LinkPattern(value, errors) ?? "",
    });

    public void MinMatchConfidence(double? value, bool isNull) => Tracking(influencer with
    {
        MinMatchConfidence = isNull ? TrackingConfig.DefaultMinMatchConfidence : InfluencerFields.MinMatchConfidence(value, errors),
    });

    /// <summary>Empty clears the marketing type.</summary>
    public void Type(string? value, bool isNull)
    {
        touchesMarketing = true;
        marketing = marketing with { Type = isNull ? "" : MarketingFields.Type(value, errors) ?? "" };
    }

    public void MediaUrls(IEnumerable<string?>? values)
    {
        touchesMarketing = true;
        marketing = marketing with { MediaUrls = MarketingFields.MediaUrls(values, errors) };
    }

    public void SegmentIds(IEnumerable<string?>? values)
    {
        touchesMarketing = true;
        marketing = marketing with { SegmentIds = MarketingFields.SegmentIds(values, errors) };
    }

    /// <summary>The whole content is replaced (not merged member by member): it is one message per platform.</summary>
    public void Content(JsonElement value) => changes = value.ValueKind == JsonValueKind.Null
        ? changes with { ClearContent = true }
        : changes with { ContentJson = MarketingFields.Content(value, errors) };

    /// <summary>Reads one member of the outreach section; false when <paramref name="name"/> is not one.</summary>
    public bool Outreach(string name, JsonElement value)
    {
        var read = OutreachFields.TryRead(name, value, ref outreach, errors);
        touchesOutreach |= read;
        return read;
    }

    /// <summary>The date range as given (a patch's range against the stored dates is the campaign's check).</summary>
    public void Dates() => CampaignFields.Dates(changes.StartDate, changes.EndDate, errors);

    /// <summary>The changes a merge patch asks for, with each section only when one of its members was sent; null when refused.</summary>
    public CampaignChanges? ToChanges()
    {
        Dates();
        if (errors.Any)
        {
            return null;
        }

        return changes with
        {
            Influencer = touchesInfluencer ? influencer : null,
            Marketing = touchesMarketing ? marketing : null,
            Outreach = touchesOutreach ? outreach : null,
        };
    }

    /// <summary>A new campaign of <paramref name="kind"/>: the changes applied to an empty one; null when refused.</summary>
    public CampaignDraft? ToDraft(CampaignKind? kind)
    {
        if (errors.Any || kind is not { } known)
        {
            return null;
        }

        return new CampaignDraft(
            changes.Name!, changes.Description is { Length: > 0 } description ? description : null, known, changes.Budget!.Value,
            changes.Currency!, changes.Goals ?? [], changes.Platforms ?? [], changes.StartDate, changes.EndDate,
            known == CampaignKind.Influencer ? influencer.ApplyTo(InfluencerBrief.Empty) : null,
            known == CampaignKind.Marketing ? marketing.ApplyTo(MarketingBrief.Empty) : null,
            changes.ContentJson,
            Outreach: known == CampaignKind.Outreach ? outreach.ApplyTo(OutreachBrief.Empty) : null);
    }

    private void Tracking(InfluencerBriefChanges tracked)
    {
        touchesInfluencer = true;
        influencer = tracked;
    }
}
