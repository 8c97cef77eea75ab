using System.Net;
using System.Security.Cryptography;
using System.Text;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Npgsql;

namespace Campaigns.Tests.Tenancy;

/// <summary>/api/api-keys and /api/users: keys are shown once, stored only as a hash, listed without secret and revocable.</summary>
public sealed class ApiKeyTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private async Task<Guid> NewUser(string role = "media_buyer")
    {
        var user = await (await api.Admin.Post("/api/users", new { email = $"u-{Guid.NewGuid():N}@example.test", role })).ExpectJson(HttpStatusCode.Created);
        return user.Id();
    }

    [Fact]
    public async Task Created_key_is_shown_once_with_its_metadata_and_works()
    {
        var userId = await NewUser("brand_manager");

        var response = await api.Admin.Post("/api/api-keys", new { name = "  CRM sync  ", user_id = userId });

        var created = await response.ExpectJson(HttpStatusCode.Created);
        Assert.Equal($"/api/api-keys/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("CRM sync", created.Str("name"));
        Assert.Equal(userId.ToString(), created.Str("user_id"));
        Assert.Equal("brand_manager", created.Str("role"));
        var secret = created.Str("key");
        Assert.True(secret.Length >= 40, "A key carries enough entropy.");
        Assert.StartsWith(created.Str("prefix"), secret);
        Assert.True(created.Str("prefix").Length < secret.Length / 2, "The prefix alone does not reveal the key.");
        Assert.InRange(DateTimeOffset.Parse(created.Str("created_at")), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        using var client = api.Client(secret);
        await (await client.Get("/api/campaigns")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_keys_never_share_a_secret()
    {
        var userId = await NewUser();
        var first = await (await api.Admin.Post("/api/api-keys", new { name = "one", user_id = userId })).ExpectJson(HttpStatusCode.Created);
        var second = await (await api.Admin.Post("/api/api-keys", new { name = "two", user_id = userId })).ExpectJson(HttpStatusCode.Created);

        Assert.NotEqual(first.Str("key"), second.Str("key"));
        Assert.NotEqual(first.Id(), second.Id());
    }

    [Fact]
    public async Task Key_without_user_id_belongs_to_the_caller()
    {
        var created = await (await api.Admin.Post("/api/api-keys", new { name = "My second key" })).ExpectJson(HttpStatusCode.Created);

        Assert.Equal(api.Org.AdminUserId.ToString(), created.Str("user_id"));
        Assert.Equal("admin", created.Str("role"));
    }

    [Fact]
    public async Task Listed_keys_never_show_the_secret_or_its_hash()
    {
        var issued = await api.Admin.CreateUserWithKey("finance");

        var response = await api.Admin.Get("/api/api-keys");

        var page = await response.ExpectJson(HttpStatusCode.OK);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(issued.Secret, raw);
        Assert.DoesNotContain(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Secret))), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Secret))), raw);
        var listed = Assert.Single(page["items"]!.AsArray(), k => k!.Str("id") == issued.KeyId.ToString())!;
        Assert.Equal(
            new[] { "created_at", "id", "issued_by", "name", "prefix", "revoked_at", "role", "user_id" },
            listed.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Null(listed["revoked_at"]);
        Assert.StartsWith(listed.Str("prefix"), issued.Secret);
    }

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored()
    {
        var issued = await api.Admin.CreateUserWithKey("read_only");

        await using var db = new NpgsqlConnection(api.ConnectionString);
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT key_hash, row_to_json(k)::text FROM api_keys k WHERE id = $1", db);
        cmd.Parameters.AddWithValue(issued.KeyId);
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Secret)), reader.GetFieldValue<byte[]>(0));
        Assert.DoesNotContain(issued.Secret, reader.GetString(1));
    }

    [Fact]
    public async Task Revoked_key_gets_401_and_is_listed_as_revoked()
    {
        var issued = await api.Admin.CreateUserWithKey("brand_manager");
        using var client = api.Client(issued.Secret);
        await (await client.Get("/api/campaigns")).Expect(HttpStatusCode.OK);

        var revoked = await (await api.Admin.Delete($"/api/api-keys/{issued.KeyId}")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(issued.KeyId, revoked.Id());
        var revokedAt = DateTimeOffset.Parse(revoked.Str("revoked_at"));
        Assert.InRange(revokedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Null(revoked["key"]);
        await (await client.Get("/api/campaigns")).ExpectProblem(HttpStatusCode.Unauthorized);
        var page = await (await api.Admin.Get("/api/api-keys")).ExpectJson(HttpStatusCode.OK);
        var listed = Assert.Single(page["items"]!.AsArray(), k => k!.Str("id") == issued.KeyId.ToString())!;
        Assert.Equal(revokedAt, DateTimeOffset.Parse(listed.Str("revoked_at")));
    }

    [Fact]
    public async Task Revoking_twice_keeps_the_first_revocation_time()
    {
        var issued = await api.Admin.CreateUserWithKey("finance");
        var first = await (await api.Admin.Delete($"/api/api-keys/{issued.KeyId}")).ExpectJson(HttpStatusCode.OK);

        var second = await (await api.Admin.Delete($"/api/api-keys/{issued.KeyId}")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(first.Str("revoked_at"), second.Str("revoked_at"));
    }

    [Fact]
    public async Task Revoking_one_key_leaves_the_users_other_keys_working()
    {
        var issued = await api.Admin.CreateUserWithKey("media_buyer");
        var other = await (await api.Admin.Post("/api/api-keys", new { name = "backup", user_id = issued.UserId })).ExpectJson(HttpStatusCode.Created);

        await (await api.Admin.Delete($"/api/api-keys/{issued.KeyId}")).Expect(HttpStatusCode.OK);

        using var client = api.Client(other.Str("key"));
        await (await client.Get("/api/campaigns")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_answers_404()
    {
        await (await api.Admin.Delete($"/api/api-keys/{Guid.CreateVersion7()}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"name":null}""", "name")]
    [InlineData("""{"name":5}""", "name")]
    [InlineData("""{"name":"k","user_id":"not-a-uuid"}""", "user_id")]
    [InlineData("""{"name":"k","user_id":"0197a1d2-0000-7000-8000-000000000000"}""", "user_id")]
    [InlineData("""{"name":"k","role":"admin"}""", "role")]
    public async Task Invalid_key_request_answers_400_naming_the_field(string json, string field)
    {
        await (await api.Admin.SendRaw(HttpMethod.Post, "/api/api-keys", json)).ExpectValidationProblem(field);
    }

    [Fact]
    public async Task Key_name_over_100_characters_is_refused()
    {
        await (await api.Admin.Post("/api/api-keys", new { name = new string('k', 101) })).ExpectValidationProblem("name");
    }

    [Fact]
    public async Task Created_user_is_listed_with_its_role()
    {
        var email = $"Someone-{Guid.NewGuid():N}@Example.test";

        var response = await api.Admin.Post("/api/users", new { email, role = "affiliate_manager" });

        var user = await response.ExpectJson(HttpStatusCode.Created);
        Assert.Equal($"/api/users/{user.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(email, user.Str("email"));
        Assert.Equal("affiliate_manager", user.Str("role"));
        var users = await (await api.Admin.Get("/api/users")).ExpectJson(HttpStatusCode.OK);
        Assert.Contains(user.Str("id"), users.Ids());
    }

    [Fact]
    public async Task Duplicate_email_in_the_organization_answers_409_whatever_its_case()
    {
        var email = $"dup-{Guid.NewGuid():N}@example.test";
        await (await api.Admin.Post("/api/users", new { email, role = "finance" })).Expect(HttpStatusCode.Created);

        await (await api.Admin.Post("/api/users", new { email = email.ToUpperInvariant(), role = "read_only" })).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"role":"finance"}""", "email")]
    [InlineData("""{"email":"no-at-sign","role":"finance"}""", "email")]
    [InlineData("""{"email":"@example.test","role":"finance"}""", "email")]
    [InlineData("""{"email":"a@example.test"}""", "role")]
    [InlineData("""{"email":"a@example.test","role":"superuser"}""", "role")]
    [InlineData("""{"email":"a@example.test","role":0}""", "role")]
    public async Task Invalid_user_request_answers_400_naming_the_field(string json, string field)
    {
        await (await api.Admin.SendRaw(HttpMethod.Post, "/api/users", json)).ExpectValidationProblem(field);
    }
}

/// <summary>The Location of a created user or key can be followed, within the organization only.</summary>
public sealed class CreatedLocationTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Created_user_and_key_locations_answer_with_the_resource()
    {
        var userResponse = await api.Admin.Post("/api/users", new { email = $"loc-{Guid.NewGuid():N}@example.test", role = "finance" });
        var user = await userResponse.ExpectJson(HttpStatusCode.Created);
        var readUser = await (await api.Admin.Get(userResponse.Headers.Location!.OriginalString)).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(user.Str("email"), readUser.Str("email"));
        Assert.Equal("finance", readUser.Str("role"));

        var keyResponse = await api.Admin.Post("/api/api-keys", new { name = "located", user_id = user.Id() });
        var key = await keyResponse.ExpectJson(HttpStatusCode.Created);
        var readKey = await (await api.Admin.Get(keyResponse.Headers.Location!.OriginalString)).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(key.Str("prefix"), readKey.Str("prefix"));
        Assert.Null(readKey["key"]);

        var (_, otherAdmin) = await api.NewOrganization();
        await (await otherAdmin.Get(userResponse.Headers.Location!.OriginalString)).ExpectProblem(HttpStatusCode.NotFound);
        await (await otherAdmin.Get(keyResponse.Headers.Location!.OriginalString)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mutating_an_unknown_route_writes_no_audit_row()
    {
        var (_, admin) = await api.NewOrganization();
        await (await admin.Post("/api/no-such-resource", new { a = 1 })).Expect(HttpStatusCode.NotFound);

        var audit = await (await admin.Get("/api/audit")).ExpectJson(HttpStatusCode.OK);
        Assert.Empty(audit["items"]!.AsArray());
    }
}
