using System.Net;
using System.Net.Http.Headers;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;

namespace Campaigns.Tests.Tenancy;

public sealed class AuthenticationTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Request_without_a_key_gets_401_problem_with_bearer_challenge()
    {
        using var anonymous = api.Client();

        var response = await anonymous.Get("/api/campaigns");

        await response.ExpectProblem(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Unknown_key_gets_401()
    {
        using var client = api.Client("cmp_this-key-was-never-issued");

        await (await client.Get("/api/campaigns")).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Key_in_another_scheme_gets_401()
    {
        using var client = api.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", api.Org.AdminKey);

        await (await client.Get("/api/campaigns")).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Empty_bearer_token_gets_401()
    {
        using var client = api.Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer ");

        await (await client.Get("/api/campaigns")).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Oversized_bearer_token_gets_401()
    {
        using var client = api.Client(new string('k', 5000));

        await (await client.Get("/api/campaigns")).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Valid_key_reaches_the_endpoint()
    {
        var page = await (await api.Admin.Get("/api/campaigns")).ExpectJson(HttpStatusCode.OK);

        Assert.NotNull(page["items"]);
    }

    [Fact]
    public async Task Bearer_scheme_name_is_case_insensitive()
    {
        using var client = api.Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"bearer {api.Org.AdminKey}");

        await (await client.Get("/api/campaigns")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unauthenticated_mutation_gets_401_and_changes_nothing()
    {
        var campaign = await api.Admin.CreateCampaign();
        using var anonymous = api.Client();

        await (await anonymous.Post("/api/campaigns", new { name = "Anonymous", kind = "ads", budget = 1 })).ExpectProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.Patch($"/api/campaigns/{campaign.Id()}", new { name = "Hijacked" })).ExpectProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.Delete($"/api/campaigns/{campaign.Id()}")).ExpectProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.Post($"/api/campaigns/{campaign.Id()}/launch")).ExpectProblem(HttpStatusCode.Unauthorized);

        var unchanged = await api.Admin.GetCampaign(campaign.Id());
        Assert.Equal(campaign.Str("name"), unchanged.Str("name"));
        Assert.Equal("draft", unchanged.Str("status"));
    }

    [Fact]
    public async Task Revoked_key_gets_401()
    {
        var issued = await api.Admin.CreateUserWithKey("brand_manager");
        using var client = api.Client(issued.Secret);
        await (await client.Get("/api/campaigns")).Expect(HttpStatusCode.OK);

        await (await api.Admin.Delete($"/api/api-keys/{issued.KeyId}")).Expect(HttpStatusCode.OK);

        await (await client.Get("/api/campaigns")).ExpectProblem(HttpStatusCode.Unauthorized);
        await (await client.Post("/api/campaigns", new { name = "After revocation", kind = "ads", budget = 1 }))
            .ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Client_that_does_not_accept_json_still_gets_401_not_a_server_error()
    {
        using var client = api.Client();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.Get("/api/campaigns");

        await response.ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Client_that_does_not_accept_json_still_gets_403_when_its_role_lacks_the_permission()
    {
        var readOnly = await api.KeyFor("read_only");
        using var client = api.Client(readOnly.Secret);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.Get("/api/audit");

        await response.ExpectProblem(HttpStatusCode.Forbidden);
    }
}
