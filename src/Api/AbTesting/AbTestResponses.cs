using System.Text.Json.Serialization;
using Campaigns.AbTesting;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;

namespace Campaigns.Api.AbTesting;

/// <summary>An A/B test as callers see it.</summary>
public sealed record AbTestResponse(
    Guid Id,
    Guid CampaignId,
    string Name,
    AbTestStatus Status,
    AbMetric PrimaryMetric,
    long MinSampleSize,
    double ConfidenceLevel,
    bool AutoApplyWinner,
    IReadOnlyList<AbVariantResponse> Variants,
    Guid? WinnerVariantId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public static AbTestResponse From(AbTestView t) => new(
        t.Id, t.CampaignId, t.Name, t.Status, t.PrimaryMetric, t.MinSampleSize, t.ConfidenceLevel, t.AutoApplyWinner,
        t.Variants.Select(AbVariantResponse.From).ToList(), t.WinnerVariantId, t.CreatedAt, t.CompletedAt);
}

public sealed record AbVariantResponse(Guid Id, string Name, bool IsControl, [property: JsonConverter(typeof(RawJson))] string Content, double Weight)
{
    public static AbVariantResponse From(AbVariantView v) => new(v.Id, v.Name, v.IsControl, v.ContentJson, v.Weight);
}

/// <summary>The variant a subject sees.</summary>
public sealed record AssignmentResponse(
    Guid TestId,
    string SubjectId,
    Guid VariantId,
    string VariantName,
    bool IsControl,
    [property: JsonConverter(typeof(RawJson))] string Content,
    AbTestStatus TestStatus);

public sealed record AbEventsResponse(int Accepted, int Duplicates);

/// <summary><c>GET /api/ab-tests/{id}/results</c>: the report and what determine-winner would answer now.</summary>
public sealed record AbResultsResponse(AbTestReport Results, WinnerDecisionResponse Decision);

public sealed record WinnerDecisionResponse(Guid? WinnerVariantId, string? WinnerName, string? Reason, string Message)
{
    public static WinnerDecisionResponse From(WinnerDecision d) => new(d.Winner?.Id, d.Winner?.Name, d.Reason, d.Message);
}

/// <summary><c>POST /api/ab-tests/{id}/determine-winner</c> when there is one.</summary>
public sealed record WinnerResponse(VariantReport Winner, [property: JsonConverter(typeof(RawJson))] string Content, string Message, AbTestReport Results);

/// <summary><c>GET /api/ab-tests/sample-size</c>.</summary>
public sealed record SampleSizeResponse(
    long PerVariant,
    int Variants,
    long Total,
    double BaselineRate,
    double TargetRate,
    double MinimumDetectableEffect,
    string MdeType,
    double Alpha,
    double Power,
    string Formula);
