using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Influencer;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Influencer;

/// <summary>The body of <c>PUT /api/apify/limits</c>: both limits, each null for none (documents the shape for OpenAPI).</summary>
public sealed record ApifyLimitsRequest(int? CallsPerDay, decimal? UsdPerMonth);

/// <summary>A queued Apify job as the API shows it: input and result as JSON, not text.</summary>
public sealed record ApifyJobResponse(
    Guid Id, ApifyJobType JobType, SocialPlatform Platform, string Target, JsonElement Input, int Priority,
    ApifyJobStatus Status, string? HeldReason, int RetryCount, int MaxRetries, string? ErrorMessage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? ResultData,
    int EstimatedCost, decimal? CostUsd, Guid? AllocationId, Guid? CampaignId, Guid? CreatorProfileId,
    DateTimeOffset ScheduledAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset CreatedAt)
{
    /// <param name="withResult">Lists leave the scraped result out: fifty posts per job would make a page megabytes.</param>
    public static ApifyJobResponse From(ApifyJob job, bool withResult) => new(
        job.Id, job.JobType, job.Platform, job.Target, Parse(job.Input), job.Priority, job.Status, job.HeldReason,
        job.RetryCount, job.MaxRetries, job.ErrorMessage, withResult && job.ResultData is { } result ? Parse(result) : null, job.EstimatedCost,
        job.CostUsd, job.AllocationId, job.CampaignId, job.CreatorProfileId, job.ScheduledAt, job.StartedAt, job.CompletedAt,
        job.CreatedAt);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>Validation of the Apify endpoints' query strings and bodies, naming each refused field.</summary>
public static class ApifyRequests
{
    public const int MaxCallsPerDay = 1_000_000;
    public const decimal MaxUsdPerMonth = 1_000_000m;

    // The same spelling the API writes and the database stores (DbNames), so filters accept exactly what responses show.
    private static readonly Dictionary<string, ApifyJobStatus> Statuses =
        Enum.GetValues<ApifyJobStatus>().ToDictionary(DbNames.Of, StringComparer.Ordinal);

    private static readonly Dictionary<string, ApifyJobType> JobTypes =
        Enum.GetValues<ApifyJobType>().ToDictionary(DbNames.Of, StringComparer.Ordinal);

    public static ApifyJobStatus? Status(string? value, FieldErrors errors) => OneOf(value, Statuses, "status", errors);

    public static ApifyJobType? JobType(string? value, FieldErrors errors) => OneOf(value, JobTypes, "job_type", errors);

    /// <summary>A full replacement: both members are required so that leaving one out never silently removes a limit.</summary>
    public static ApifyLimitsChange? Limits(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object with calls_per_day and usd_per_month (null for no limit).");
            return null;
        }

        bool sawCalls = false, sawUsd = false;
        int? calls = null;
        decimal? usd = null;
        foreach (var member in body.EnumerateObject())
        {
            switch (member.Name)
            {
                case "calls_per_day":
                    sawCalls = true;
                    calls = CallsPerDay(member, errors);
                    break;
                case "usd_per_month":
                    sawUsd = true;
                    usd = UsdPerMonth(member, errors);
                    break;
                default:
                    errors.Add(member.Name, "Unknown field; the limits are calls_per_day and usd_per_month.");
                    break;
            }
        }

        if (!sawCalls)
        {
            errors.Add("calls_per_day", "Required: a whole number of calls per UTC day, or null for no daily limit.");
        }

        if (!sawUsd)
        {
            errors.Add("usd_per_month", "Required: USD per UTC month, or null for no monthly budget.");
        }

        return errors.Any ? null : new ApifyLimitsChange(calls, usd);
    }

    private static int? CallsPerDay(JsonProperty member, FieldErrors errors)
    {
        if (member.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        const string expected = "Expected a whole number of calls per day from 0 to 1000000, or null.";
        if (JsonMembers.Integer(member, errors, expected: expected) is not { } calls)
        {
            return null;
        }

        if (calls is < 0 or > MaxCallsPerDay)
        {
            errors.Add(member.Name, expected);
            return null;
        }

        return (int)calls;
    }

    private static decimal? UsdPerMonth(JsonProperty member, FieldErrors errors)
    {
        if (member.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (JsonMembers.Decimal(member, errors) is not { } usd)
        {
            return null;
        }

        if (usd < 0 || usd > MaxUsdPerMonth || decimal.Round(usd, 2) != usd)
        {
            errors.Add(member.Name, "Expected USD from 0 to 1000000 with at most two decimals (cents), or null.");
            return null;
        }

        return usd;
    }

    private static T? OneOf<T>(string? value, Dictionary<string, T> allowed, string field, FieldErrors errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (allowed.TryGetValue(value, out var known))
        {
            return known;
        }

        errors.Add(field, $"{field} must be one of: {string.Join(", ", allowed.Keys)}.");
        return null;
    }
}
