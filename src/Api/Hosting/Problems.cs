using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api;

/// <summary>RFC 9457 problem responses used across endpoints.</summary>
public static class Problems
{
    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value));

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    /// <summary>Maps a command that did not succeed onto its HTTP problem.</summary>
    public static IResult From(CommandOutcome outcome, string? message, IReadOnlyDictionary<string, string[]>? errors = null, string? field = null) => outcome switch
    {
        CommandOutcome.NotFound => NotFound(message ?? "Not found."),
        CommandOutcome.Conflict => Conflict(message ?? "Conflict."),
        CommandOutcome.Invalid when errors is not null => Validation(errors),
        CommandOutcome.Invalid => Validation(field ?? "body", message ?? "Invalid."),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Successful outcomes are not problems."),
    };

    /// <summary>For places outside endpoint results (authentication, middleware).</summary>
    /// <remarks>
    /// Executed as a problem result rather than through <see cref="IProblemDetailsService.WriteAsync"/>: that throws when
    /// the caller's Accept header excludes JSON (a browser's <c>text/html</c>), turning a 401 or 403 into a 500.
    /// The result still goes through the problem details service when it can, and writes problem+json otherwise.
    /// </remarks>
    public static Task Write(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
