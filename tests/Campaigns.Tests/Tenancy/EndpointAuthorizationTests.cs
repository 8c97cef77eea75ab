using System.Net;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Tenancy;

/// <summary>Every endpoint states who may call it; one that forgets still needs a valid key (the fallback policy).</summary>
public sealed class EndpointAuthorizationTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    /// <summary>The endpoints that are public on purpose, by route prefix.</summary>
    private static readonly string[] Public = ["health/", "openapi/", "docs", "dashboard", "api/telegram/webhook/"];

    [Fact]
    public void Every_api_endpoint_requires_a_permission_or_is_public_on_purpose()
    {
        var endpoints = api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var unstated = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.True(unstated.Count == 0, "No authorization stated (the fallback policy guards them, but say who may call): " + string.Join(", ", unstated));

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "").ToList();
        Assert.All(anonymous, route => Assert.True(route.Length == 0 || Public.Any(p => route.StartsWith(p, StringComparison.Ordinal)), $"'{route}' is anonymous"));
    }

    [Fact]
    public async Task An_endpoint_without_a_permission_still_refuses_a_caller_without_a_key()
    {
        using var anonymous = api.Client();
        var response = await anonymous.Get("/api/no-such-endpoint");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Get("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Get("/openapi/v1.json")).StatusCode);
    }
}
