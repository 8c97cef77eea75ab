using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaigns.Api.Hosting.OpenApi;

/// <summary>
/// Gives every operation that an endpoint did not name (<c>.WithName</c>) an id made from its method and route, e.g.
/// <c>getCampaignsByIdAllocations</c> for <c>GET /api/campaigns/{id}/allocations</c>: unique because routes are, stable
/// while the route is, and what a client generator names the method after.
/// </summary>
internal sealed class OperationIds : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(operation.OperationId))
        {
            operation.OperationId = For(context.Description.HttpMethod ?? "get", context.Description.RelativePath ?? "");
        }

        return Task.CompletedTask;
    }

    internal static string For(string method, string relativePath)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            if (segment.StartsWith('{'))
            {
                id.Append("By").Append(Pascal(segment.Trim('{', '}').Split(':')[0].TrimEnd('?')));
            }
            else
            {
                id.Append(Pascal(segment));
            }
        }

        return id.ToString();
    }

    /// <summary>"contacts-for-picker" as "ContactsForPicker".</summary>
    private static string Pascal(string segment) => string.Concat(segment.Split('-', '_', '.')
        .Where(w => w.Length > 0)
        .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}
