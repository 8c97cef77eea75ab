using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaigns.Api.Hosting.OpenApi;

/// <summary>
/// Describes each tag the endpoints group themselves by, so the reference page and generated clients explain each
/// group, and writes the server address without the trailing slash a path would double.
/// </summary>
/// <remarks>A tag an endpoint uses and this list lacks stays without a description, which the lint test reports.</remarks>
internal sealed class DocumentTags : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Campaigns"] = "Every campaign kind's lifecycle, schedule, budget, spend, copies and templates made from a campaign.",
        ["Influencer campaigns"] = "Creator allocations of an influencer campaign, their posts and the metrics read from them.",
        ["Outreach"] = "Outreach campaigns: message templates, presets, steps, audiences, participants, sending accounts and the Telegram webhook.",
        ["Campaign templates"] = "Reusable campaign configurations and the campaigns made from them.",
        ["A/B tests"] = "A/B tests of a campaign's variants: assignment, events, results and the winner.",
        ["Creators"] = "The organization's creators, one by one or imported from CSV.",
        ["CRM"] = "Contacts, companies, pipelines and leads.",
        ["Apify"] = "Apify scraping jobs that find and refresh creators, and the organization's limits on them.",
        ["Users"] = "The organization's users and their roles.",
        ["API keys"] = "API keys: issue, list and revoke.",
        ["Audit"] = "The audit log of who did what.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        var used = (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            .SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in used.Order(StringComparer.Ordinal))
        {
            if (document.Tags.FirstOrDefault(t => t.Name == name) is { } tag)
            {
                tag.Description ??= Descriptions.GetValueOrDefault(name);
            }
            else
            {
                document.Tags.Add(new OpenApiTag { Name = name, Description = Descriptions.GetValueOrDefault(name) });
            }
        }

        return Task.CompletedTask;
    }
}
