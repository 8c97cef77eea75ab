namespace Campaigns.Api.Audit;

/// <summary>Endpoint metadata naming what an audit row records for a mutation.</summary>
public sealed record Audited(string ResourceType, string Action);

/// <summary>
/// Endpoint metadata for a POST that changes nothing (an A/B test assignment is a pure function of its input):
/// it writes no audit row, because at thousands of calls a second the rows would cost more than the call.
/// </summary>
public sealed record NotAudited;

public static class AuditedExtensions
{
    public const string ResourceIdItem = "audit.resource_id";

    /// <summary>Marks a mutating endpoint: every call to it, successful or not, writes an audit row.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string resourceType, string action)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new Audited(resourceType, action));

    /// <summary>Marks a POST that reads only; see <see cref="NotAudited"/>.</summary>
    public static TBuilder NotAudited<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new NotAudited());

    /// <summary>For creations: the id is not in the route, so the handler names it.</summary>
    public static void AuditResource(this HttpContext context, Guid id) => context.Items[ResourceIdItem] = id.ToString();
}
