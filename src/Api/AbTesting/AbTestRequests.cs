using System.Text.Json;
using Campaigns.AbTesting;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;

namespace Campaigns.Api.AbTesting;

/// <summary>Body of <c>POST /api/campaigns/{id}/ab-test</c>.</summary>
public sealed record CreateAbTestRequest(
    string? Name,
    List<AbVariantRequest?>? Variants,
    string? PrimaryMetric,
    long? MinSampleSize,
    double? ConfidenceLevel,
    bool? AutoApplyWinner)
{
    public const int MaxVariants = 20;
    public const long DefaultMinSampleSize = 100; // the seed's ABTest.minSampleSize
    public const double DefaultConfidenceLevel = 0.95; // the seed's ABTest.confidenceLevel

    public AbTestDraft? ToDraft(Guid campaignId, FieldErrors errors)
    {
        var name = AbTestFields.Name("name", Name, AbTestFields.NameMaxLength, errors);
        var variants = AbTestFields.Variants(Variants, errors);
        var metric = AbTestFields.Metric(PrimaryMetric, errors);
        var minSample = MinSampleSize ?? DefaultMinSampleSize;
        if (minSample is < 1 or > 1_000_000_000)
        {
            errors.Add("min_sample_size", "min_sample_size must be a whole number from 1 to 1000000000 (impressions per variant).");
        }

        var confidence = ConfidenceLevel ?? DefaultConfidenceLevel;
        if (!(confidence > 0 && confidence < 1))
        {
            errors.Add("confidence_level", "confidence_level must be strictly between 0 and 1, e.g. 0.95.");
        }

        return errors.Any
            ? null
            : new AbTestDraft(campaignId, name!, variants, metric, minSample, confidence, AutoApplyWinner ?? false);
    }
}

/// <param name="Content">The variant's message per platform, a JSON object.</param>
/// <param name="Weight">Its share of traffic relative to the others' (e.g. 50 and 50, or 1 and 3); default 1.</param>
public sealed record AbVariantRequest(string? Name, bool? IsControl, JsonElement? Content, double? Weight);

/// <summary>Body of <c>POST /api/ab-tests/{id}/assign</c>.</summary>
public sealed record AssignRequest(string? SubjectId);

/// <summary>Body of <c>POST /api/ab-tests/{id}/events</c>.</summary>
public sealed record AbEventsRequest(List<AbEventRequest?>? Events)
{
    public const int MaxEvents = 1_000;

    public AbEvent[]? ToEvents(FieldErrors errors)
    {
        if (Events is not { Count: > 0 and <= MaxEvents } list)
        {
            errors.Add("events", $"events must be an array of 1 to {MaxEvents} events.");
            return null;
        }

        var events = new AbEvent[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not { } e)
            {
                errors.Add($"events[{i}]", "Expected an event object.");
                continue;
            }

            if (e.EventId is not { } eventId || eventId == Guid.Empty)
            {
                errors.Add($"events[{i}].event_id", "event_id (a UUID that identifies the event, so a resend counts once) is required.");
            }

            if (e.VariantId is null)
            {
                errors.Add($"events[{i}].variant_id", "variant_id is required.");
            }

            if (e.Type is null)
            {
                errors.Add($"events[{i}].type", "type is required: impression, click or conversion.");
            }

            if (e.Value is < 0)
            {
                errors.Add($"events[{i}].value", "value (the conversion's revenue) must not be negative.");
            }

            if (!errors.Any)
            {
                events[i] = new AbEvent(e.EventId!.Value, e.VariantId!.Value, e.Type!.Value, e.Value ?? 0m);
            }
        }

        return errors.Any ? null : events;
    }
}

/// <param name="Value">Revenue of a conversion; ignored (stored as 0) for impressions and clicks.</param>
public sealed record AbEventRequest(Guid? EventId, Guid? VariantId, AbEventType? Type, decimal? Value);
