using System.Globalization;
using Campaigns.AbTesting;
using Campaigns.AbTesting.Statistics;
using Campaigns.Api.Audit;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.AbTesting;

/// <summary>HTTP ↔ <see cref="IAbTestGrain"/>: A/B tests of a campaign (seed 002), their events, results and winner.</summary>
public static class AbTestEndpoints
{
    public const int MaxSubjectIdLength = 256;
    private const string Resource = "ab_test";

    private const string CreateExample = """
        {
          "name": "Subject line",
          "variants": [
            { "name": "Plain", "is_control": true, "content": { "email": "Our spring sale starts today" }, "weight": 1 },
            { "name": "Bold", "is_control": false, "content": { "email": "Spring sale: 30% off today only" }, "weight": 1 }
          ],
          "primary_metric": "conversion_rate",
          "min_sample_size": 100,
          "confidence_level": 0.95,
          "auto_apply_winner": false
        }
        """;

    private const string EventsExample = """
        {
          "events": [
            { "event_id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b20", "variant_id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b21", "type": "impression" },
            { "event_id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b22", "variant_id": "0193a4f2c1d07a3e9b5f2c8d4e6a1b21", "type": "conversion", "value": 49.90 }
          ]
        }
        """;

    public static IEndpointRouteBuilder MapAbTestEndpoints(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/campaigns/{id:guid}").WithTags("A/B tests");
        campaigns.MapPost("/ab-test", Create).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "ab_test.create")
            .WithSummary("Start an A/B test on a campaign")
            .WithDescription("2 to 20 variants, exactly one the control; each variant's content is the message per platform.")
            .WithRequestExample(CreateExample)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        campaigns.MapGet("/ab-tests", List).RequirePermission(Permission.CampaignsRead)
            .WithSummary("List a campaign's A/B tests")
            .WithDescription("In creation order, keyset-paged.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        var tests = routes.MapGroup("/api/ab-tests").WithTags("A/B tests");
        tests.MapGet("/sample-size", SampleSizeFor).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Subjects needed per variant")
            .WithDescription("For a two-sided two-proportion test; the formula is in the answer.");
        tests.MapGet("/{id:guid}", Get).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Get an A/B test")
            .ProducesProblems(StatusCodes.Status404NotFound);
        tests.MapPost("/{id:guid}/assign", Assign).RequirePermission(Permission.CampaignsRead).NotAudited()
            .WithSummary("Assign a subject to a variant")
            .WithDescription("The same subject always gets the same variant; once the winner is applied, everyone gets it.")
            .WithRequestExample("""{ "subject_id": "visitor-7f3a" }""")
            .ProducesProblems(StatusCodes.Status404NotFound);
        tests.MapPost("/{id:guid}/events", Events).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "ab_test.events")
            .WithSummary("Record exposures and outcomes")
            .WithDescription("Up to 1,000 events; an event_id sent again is counted once.")
            .WithRequestExample(EventsExample)
            .ProducesProblems(StatusCodes.Status404NotFound);
        tests.MapGet("/{id:guid}/results", Results).RequirePermission(Permission.CampaignsRead)
            .WithSummary("Get an A/B test's results")
            .WithDescription("The statistics per variant and what determine-winner would answer now.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        tests.MapPost("/{id:guid}/determine-winner", DetermineWinner).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "ab_test.determine_winner")
            .WithSummary("Determine the winner")
            .WithDescription("409 with a machine-readable reason while there is none yet.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        tests.MapPost("/{id:guid}/apply-winner", ApplyWinner).RequirePermission(Permission.CampaignsWrite).Audited(Resource, "ab_test.apply_winner")
            .WithSummary("Apply the winner to the campaign")
            .WithDescription("Copies the winner's content into the campaign and completes the test; repeating it changes nothing.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Created<AbTestResponse>, ProblemHttpResult, ValidationProblem>> Create(
        Guid id, CreateAbTestRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.ToDraft(id, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var organizationId = http.Caller().OrganizationId;
        if (await CampaignMissing(cluster, id, organizationId) is { } missing)
        {
            return missing;
        }

        var testId = TimeOrderedId.New();
        http.AuditResource(testId);
        var result = await Test(cluster, testId).Create(organizationId, draft);
        return result.ToCreated(AbTestResponse.From, _ => $"/api/ab-tests/{testId}");
    }

    private static async Task<Results<Ok<PageResponse<AbTestSummary>>, ProblemHttpResult, ValidationProblem>> List(
        Guid id, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } invalid)
        {
            return invalid;
        }

        var organizationId = http.Caller().OrganizationId;
        if (await CampaignMissing(cluster, id, organizationId) is { } missing)
        {
            return missing;
        }

        var page = await cluster.GetGrain<IAbTestCatalogGrain>(0).List(organizationId, id, after, pageSize);
        return TypedResults.Ok(page.ToResponse());
    }

    private static async Task<Results<Ok<AbTestResponse>, ProblemHttpResult, ValidationProblem>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        (await Test(cluster, id).Get(http.Caller().OrganizationId)).ToOk(AbTestResponse.From);

    private static async Task<Results<Ok<AssignmentResponse>, ProblemHttpResult, ValidationProblem>> Assign(
        Guid id, AssignRequest request, HttpContext http, IClusterClient cluster)
    {
        if (string.IsNullOrEmpty(request.SubjectId) || request.SubjectId.Length > MaxSubjectIdLength)
        {
            return Problems.Validation("subject_id", $"subject_id (the user or visitor id) is required, at most {MaxSubjectIdLength} characters.");
        }

        var assignment = await cluster.GetGrain<IAbAssignmentGrain>(id).Assign(http.Caller().OrganizationId, request.SubjectId);
        return assignment.Variant is { } v
            ? TypedResults.Ok(new AssignmentResponse(id, request.SubjectId, v.Id, v.Name, v.IsControl, v.ContentJson, assignment.Status))
            : Problems.NotFound("A/B test not found.");
    }

    private static async Task<Results<Ok<AbEventsResponse>, ProblemHttpResult, ValidationProblem>> Events(
        Guid id, AbEventsRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.ToEvents(errors) is not { } events)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await Test(cluster, id).RecordEvents(http.Caller().OrganizationId, events);
        return result.ToOk(recorded => new AbEventsResponse(recorded.Accepted, recorded.Duplicates));
    }

    private static async Task<Results<Ok<AbResultsResponse>, ProblemHttpResult, ValidationProblem>> Results(
        Guid id, HttpContext http, IClusterClient cluster)
    {
        var result = await Test(cluster, id).Snapshot(http.Caller().OrganizationId);
        return result.ToOk(snapshot =>
        {
            var report = AbTestAnalysis.Analyze(snapshot);
            return new AbResultsResponse(report, WinnerDecisionResponse.From(WinnerDecision.Decide(report)));
        });
    }

    private static async Task<Results<Ok<WinnerResponse>, ProblemHttpResult, ValidationProblem>> DetermineWinner(
        Guid id, HttpContext http, IClusterClient cluster)
    {
        var result = await Test(cluster, id).Snapshot(http.Caller().OrganizationId);
        if (result is not { IsOk: true, Value: { } snapshot })
        {
            return result.Problem() is { } problem ? problem : result.Invalid();
        }

        var report = AbTestAnalysis.Analyze(snapshot);
        var decision = WinnerDecision.Decide(report);
        if (decision.Winner is not { } winner)
        {
            return NoWinner(decision.Message, decision.Reason);
        }

        var content = snapshot.Test.Variants.First(v => v.Id == winner.Id).ContentJson;
        return TypedResults.Ok(new WinnerResponse(winner, content, decision.Message, report));
    }

    private static async Task<Results<Ok<AbTestResponse>, ProblemHttpResult, ValidationProblem>> ApplyWinner(
        Guid id, HttpContext http, IClusterClient cluster)
    {
        var result = await Test(cluster, id).ApplyWinner(http.Caller().OrganizationId);
        // A refusal with a machine-readable reason keeps it beside the message; every other answer is the usual mapping.
        return AbTestRefusal.Reason(result) is { } reason
            ? NoWinner(result.Message ?? "Conflict.", reason)
            : result.ToOk(AbTestResponse.From);
    }

    /// <summary>Subjects per variant for a two-sided two-proportion test; the formula is in <see cref="SampleSize"/>.</summary>
    private static Results<Ok<SampleSizeResponse>, ValidationProblem> SampleSizeFor(
        string? baseline_rate, string? minimum_detectable_effect, string? alpha, string? power, string? mde_type, string? variants)
    {
        var errors = new FieldErrors();
        var baseline = Number("baseline_rate", baseline_rate, null, errors, open: true);
        var effect = Number("minimum_detectable_effect", minimum_detectable_effect, null, errors, open: false);
        var a = Number("alpha", alpha, 0.05, errors, open: true);
        var p = Number("power", power, 0.8, errors, open: true);
        var type = mde_type switch
        {
            null or "relative" => EffectType.Relative,
            "absolute" => EffectType.Absolute,
            _ => (EffectType?)null,
        };
        if (type is null)
        {
            errors.Add("mde_type", "mde_type must be relative (a fraction of baseline_rate, the default) or absolute (rate points).");
        }

        var count = 2;
        if (variants is not null && (!int.TryParse(variants, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 2 or > CreateAbTestRequest.MaxVariants))
        {
            errors.Add("variants", $"variants must be a whole number from 2 to {CreateAbTestRequest.MaxVariants}.");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (SampleSize.PerVariant(baseline!.Value, effect!.Value, type!.Value, a!.Value, p!.Value) is not { } size)
        {
            return Problems.Validation("minimum_detectable_effect", "The target rate (baseline moved by the effect) must be strictly between 0 and 1.");
        }

        return TypedResults.Ok(new SampleSizeResponse(
            size.PerVariant, count, size.PerVariant * count, baseline.Value, size.TargetRate, effect.Value,
            type == EffectType.Relative ? "relative" : "absolute", a.Value, p.Value,
            "n = (z(1-alpha/2)*sqrt(2*pbar*(1-pbar)) + z(power)*sqrt(p1*(1-p1) + p2*(1-p2)))^2 / (p2-p1)^2, pbar = (p1+p2)/2, rounded up; " +
            "p1 = baseline_rate, p2 = baseline_rate*(1+mde) (relative) or baseline_rate+mde (absolute)"));
    }

    /// <param name="open">The value must lie strictly between 0 and 1; otherwise it must be positive.</param>
    private static double? Number(string field, string? text, double? fallback, FieldErrors errors, bool open)
    {
        if (text is null)
        {
            if (fallback is null)
            {
                errors.Add(field, $"{field} is required.");
            }

            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value <= 0 || (open && value >= 1))
        {
            errors.Add(field, open ? $"{field} must be a number strictly between 0 and 1." : $"{field} must be a positive number.");
            return null;
        }

        return value;
    }

    private static IAbTestGrain Test(IClusterClient cluster, Guid id) => cluster.GetGrain<IAbTestGrain>(id);

    /// <summary>The problem to answer when the caller cannot see the campaign (its only refusal on a read), else null.</summary>
    private static async Task<ProblemHttpResult?> CampaignMissing(IClusterClient cluster, Guid campaignId, Guid organizationId)
    {
        var campaign = await cluster.GetGrain<ICampaignGrain>(campaignId).Get(organizationId);
        return campaign.Outcome == CommandOutcome.Ok ? null : Problems.NotFound(campaign.Message ?? "Campaign not found.");
    }

    /// <summary>409 with the machine-readable <c>reason</c> beside the human <c>detail</c>.</summary>
    private static ProblemHttpResult NoWinner(string message, string? reason) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            extensions: new Dictionary<string, object?> { ["reason"] = reason });
}
