using System.Net;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Hosting;

/// <summary>Operator and developer surfaces: health probes, the OpenAPI document, the reference page and the dashboard.</summary>
public sealed class HealthAndDocsTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Liveness_answers_without_a_key()
    {
        using var anonymous = api.Client();

        var response = await anonymous.Get("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Readiness_reports_postgresql_the_cluster_and_grain_state_healthy()
    {
        using var anonymous = api.Client();

        var report = await (await anonymous.Get("/health/ready")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("Healthy", report.Str("status"));
        Assert.Equal("Healthy", report["checks"]!["postgresql"]!.Str("status"));
        Assert.Equal("Healthy", report["checks"]!["cluster"]!.Str("status"));
        Assert.Equal("Healthy", report["checks"]!["grain-state"]!.Str("status"));
    }

    [Fact]
    public async Task OpenAPI_document_describes_the_api_and_its_bearer_auth()
    {
        using var anonymous = api.Client();

        var response = await anonymous.Get("/openapi/v1.json");

        var document = await response.ExpectJson(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("3.", document.Str("openapi"));
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[]
        {
            "/api/campaigns", "/api/campaigns/{id}", "/api/campaigns/{id}/schedule", "/api/campaigns/{id}/launch",
            "/api/campaigns/{id}/pause", "/api/campaigns/{id}/resume", "/api/campaigns/{id}/complete", "/api/campaigns/{id}/cancel",
            "/api/users", "/api/api-keys", "/api/api-keys/{id}", "/api/audit",
        })
        {
            Assert.True(paths.ContainsKey(path), $"OpenAPI document lacks {path}");
        }

        foreach (var verb in new[] { "get", "patch", "delete" })
        {
            Assert.NotNull(paths["/api/campaigns/{id}"]![verb]);
        }

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("http", scheme.Str("type"));
        Assert.Equal("bearer", scheme.Str("scheme"));
        Assert.NotEmpty(document["security"]!.AsArray());
    }

    [Fact]
    public async Task API_reference_page_is_served_at_docs()
    {
        using var anonymous = api.Client();

        var response = await anonymous.Get("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Root_redirects_to_the_reference_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.Host.Address };

        var response = await client.Get("/");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect);
        Assert.Equal("/docs", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Dashboard_is_served_at_dashboard()
    {
        using var anonymous = api.Client();

        var response = await anonymous.Get("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_api_route_answers_404_problem()
    {
        await (await api.Admin.Get("/api/nothing-here")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_campaign_id_in_the_path_answers_404_problem()
    {
        await (await api.Admin.Get("/api/campaigns/not-a-uuid")).ExpectProblem(HttpStatusCode.NotFound);
    }
}
