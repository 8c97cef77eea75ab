namespace Campaigns.Api.Infrastructure;

/// <summary>
/// Documents the problem answers an endpoint can give beyond the ones every operation has (401, 403 and 400 for a bad
/// request are added to every operation by the OpenAPI document itself).
/// </summary>
public static class ProblemResponses
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
