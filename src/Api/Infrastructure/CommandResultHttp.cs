using Campaigns.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Infrastructure;

/// <summary>
/// The one mapping from a grain's <see cref="CommandResult{T}"/> onto HTTP: success as the endpoint's typed 2xx, a
/// failure as problem details — 404 not found, 409 conflict with its reason, 400 with the errors per field
/// (docs/ARCHITECTURE.md, "Results and errors"). The typed unions let OpenAPI describe every answer.
/// </summary>
public static class CommandResultHttp
{
    public static Results<Ok<T>, ProblemHttpResult, ValidationProblem> ToOk<T>(this CommandResult<T> result)
    {
        if (result.IsOk)
        {
            return TypedResults.Ok(result.Value);
        }

        return Problem(result) is { } problem ? problem : Invalid(result);
    }

    public static Results<Ok<TResponse>, ProblemHttpResult, ValidationProblem> ToOk<T, TResponse>(
        this CommandResult<T> result, Func<T, TResponse> response)
    {
        if (result.IsOk)
        {
            return TypedResults.Ok(response(result.Value!));
        }

        return Problem(result) is { } problem ? problem : Invalid(result);
    }

    public static Results<Created<T>, ProblemHttpResult, ValidationProblem> ToCreated<T>(this CommandResult<T> result, Func<T, string> location)
    {
        if (result.IsOk)
        {
            return TypedResults.Created(location(result.Value!), result.Value);
        }

        return Problem(result) is { } problem ? problem : Invalid(result);
    }

    public static Results<Created<TResponse>, ProblemHttpResult, ValidationProblem> ToCreated<T, TResponse>(
        this CommandResult<T> result, Func<T, TResponse> response, Func<T, string> location)
    {
        if (result.IsOk)
        {
            return TypedResults.Created(location(result.Value!), response(result.Value!));
        }

        return Problem(result) is { } problem ? problem : Invalid(result);
    }

    public static Results<NoContent, ProblemHttpResult, ValidationProblem> ToNoContent<T>(this CommandResult<T> result)
    {
        if (result.IsOk)
        {
            return TypedResults.NoContent();
        }

        return Problem(result) is { } problem ? problem : Invalid(result);
    }

    /// <summary>
    /// A not-found or conflict failure as its problem; null for success and for invalid input. A conflict that names
    /// its fields (a unique key taken, e.g. a contact's e-mail) carries them in <c>errors</c>, as a validation problem does.
    /// </summary>
    public static ProblemHttpResult? Problem<T>(this CommandResult<T> result) => result.Outcome switch
    {
        CommandOutcome.NotFound => Problems.NotFound(result.Message ?? "Not found."),
        CommandOutcome.Conflict when result.Errors is { } errors => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict,
            title: "Conflict", extensions: new Dictionary<string, object?> { ["errors"] = errors }),
        CommandOutcome.Conflict => Problems.Conflict(result.Message ?? "Conflict."),
        _ => null,
    };

    /// <summary>An invalid-input failure as its validation problem, naming each field.</summary>
    public static ValidationProblem Invalid<T>(this CommandResult<T> result) => result.Errors is { } errors
        ? Problems.Validation(errors)
        : Problems.Validation("body", result.Message ?? "Invalid.");

    /// <summary>A grain's page as the API writes it.</summary>
    public static PageResponse<T> ToResponse<T>(this Page<T> page) => new(page.Items, Paging.Format(page.NextCursor));
}
