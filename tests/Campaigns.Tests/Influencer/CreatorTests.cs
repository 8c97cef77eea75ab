using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Influencer;

/// <summary>/api/creators: the organization's creator registry with declared and verified numbers per social profile.</summary>
public sealed class CreatorTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Created_creator_answers_201_with_location_and_every_field()
    {
        var handle = CreatorApi.Handle("Anna");
        var response = await api.Admin.Post("/api/creators", new
        {
            name = "  Anna Style  ",
            email = "anna@example.test",
            profiles = new object[]
            {
                new
                {
                    platform = "Instagram", username = "@" + handle, followers_declared = 48_000, engagement_rate_declared = 0.042,
                    niches = new[] { "Fashion", "beauty", "fashion" }, location = "Moscow, Russia", bio = "Street style", following_count = 310, posts_count = 1200,
                },
                new { platform = "tiktok", username = handle },
            },
        });

        var creator = await response.ExpectJson(HttpStatusCode.Created);
        Assert.Equal($"/api/creators/{creator.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(7, creator.Id().Version);
        Assert.Equal("Anna Style", creator.Str("name"));
        Assert.Equal("anna@example.test", creator.Str("email"));
        Assert.True(creator["is_active"]!.GetValue<bool>());
        var profiles = creator["profiles"]!.AsArray();
        Assert.Equal(2, profiles.Count);
        var instagram = profiles.Single(p => p!.Str("platform") == "instagram")!;
        Assert.Equal(handle, instagram.Str("username"));
        Assert.Equal(48_000, instagram["followers_declared"]!.GetValue<long>());
        Assert.Null(instagram["followers_verified"]);
        Assert.Equal(48_000, instagram["followers_actual"]!.GetValue<long>());
        Assert.Equal(0.042m, instagram["engagement_rate_declared"]!.GetValue<decimal>());
        Assert.Equal("0.042", instagram["engagement_rate_declared"]!.ToJsonString());
        Assert.Equal(0.042m, instagram["engagement_rate_actual"]!.GetValue<decimal>());
        Assert.Equal(new[] { "fashion", "beauty" }, instagram["niches"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("Moscow, Russia", instagram.Str("location"));
        Assert.Equal("Street style", instagram.Str("bio"));
        Assert.Equal(310, instagram["following_count"]!.GetValue<int>());
        Assert.Equal(1200, instagram["posts_count"]!.GetValue<int>());
        Assert.Null(instagram["last_verified_at"]);
        var tiktok = profiles.Single(p => p!.Str("platform") == "tiktok")!;
        Assert.Null(tiktok["followers_actual"]);
        Assert.Empty(tiktok["niches"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(creator, await api.Admin.GetCreator(creator.Id())));
    }

    [Fact]
    public async Task Actual_numbers_are_the_verified_ones_once_a_scrape_records_them()
    {
        var creator = await api.Admin.CreateCreator(new
        {
            name = "Verified later",
            profiles = new[] { CreatorApi.Profile(followers: 20_000, rate: 0.05m), CreatorApi.Profile("youtube", followers: 7_000, rate: null) },
        });
        var profiles = creator["profiles"]!.AsArray();
        var instagram = profiles.Single(p => p!.Str("platform") == "instagram")!;
        var repository = api.Host.Services.GetRequiredService<CreatorRepository>();
        var verifiedAt = DateTimeOffset.UtcNow;

        Assert.True(await repository.RecordVerification(api.Org.Id, instagram.Id(), new ProfileVerification(18_500, 0.021m, 400, 900, "From scrape", true, verifiedAt)));

        var after = await api.Admin.GetCreator(creator.Id());
        var scraped = after["profiles"]!.AsArray().Single(p => p!.Str("platform") == "instagram")!;
        Assert.Equal(20_000, scraped["followers_declared"]!.GetValue<long>());
        Assert.Equal(18_500, scraped["followers_verified"]!.GetValue<long>());
        Assert.Equal(18_500, scraped["followers_actual"]!.GetValue<long>());
        Assert.Equal(0.05m, scraped["engagement_rate_declared"]!.GetValue<decimal>());
        Assert.Equal(0.021m, scraped["engagement_rate_actual"]!.GetValue<decimal>());
        Assert.True(scraped["is_verified"]!.GetValue<bool>());
        Assert.Equal("From scrape", scraped.Str("bio"));
        Assert.Equal(PostgresTime.Truncate(verifiedAt), DateTimeOffset.Parse(scraped.Str("last_verified_at")));
        var youtube = after["profiles"]!.AsArray().Single(p => p!.Str("platform") == "youtube")!;
        Assert.Equal(7_000, youtube["followers_actual"]!.GetValue<long>());
        Assert.Null(youtube["engagement_rate_actual"]);
    }

    [Fact]
    public async Task Declared_changes_do_not_hide_verified_numbers()
    {
        var creator = await api.Admin.CreateCreator();
        var profile = creator.OnlyProfile();
        var repository = api.Host.Services.GetRequiredService<CreatorRepository>();
        await repository.RecordVerification(api.Org.Id, profile.Id(), new ProfileVerification(30_000, 0.02m, null, null, null, false, DateTimeOffset.UtcNow));

        var patched = await (await api.Admin.Patch($"/api/creators/{creator.Id()}",
            new { profiles = new[] { new { id = profile.Id(), followers_declared = 90_000 } } })).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(90_000, patched.OnlyProfile()["followers_declared"]!.GetValue<long>());
        Assert.Equal(30_000, patched.OnlyProfile()["followers_actual"]!.GetValue<long>());
    }

    public static TheoryData<string, string[]> InvalidBodies => new()
    {
        { """{"profiles":[{"platform":"instagram","username":"a"}]}""", ["name"] },
        { """{"name":"  ","profiles":[{"platform":"instagram","username":"a"}]}""", ["name"] },
        { """{"name":"No profiles"}""", ["profiles"] },
        { """{"name":"No profiles","profiles":[]}""", ["profiles"] },
        { """{"name":"X","email":"not-an-address","profiles":[{"platform":"instagram","username":"a"}]}""", ["email"] },
        { """{"name":"X","profiles":[{"platform":"myspace","username":"a"}]}""", ["profiles[0].platform"] },
        { """{"name":"X","profiles":[{"platform":"instagram"}]}""", ["profiles[0].username"] },
        { """{"name":"X","profiles":[{"platform":"instagram","username":"two words"}]}""", ["profiles[0].username"] },
        { """{"name":"X","profiles":[{"platform":"instagram","username":"a","followers_declared":-1}]}""", ["profiles[0].followers_declared"] },
        { """{"name":"X","profiles":[{"platform":"instagram","username":"a","engagement_rate_declared":3.5}]}""", ["profiles[0].engagement_rate_declared"] },
        { """{"name":"X","profiles":[{"platform":"instagram","username":"a","posts_count":-3}]}""", ["profiles[0].posts_count"] },
        { """{"name":"X","profiles":[{"platform":"instagram","username":"a"},{"platform":"web","username":"b","following_count":-1}]}""", ["profiles[1].platform", "profiles[1].following_count"] },
        { """{"name":"X","profiles":[{"platform":"instagram","username":"Same"},{"platform":"instagram","username":"@same"}]}""", ["profiles"] },
        { """{"name":"X","profiles":[{"platform":"instagram","username":"a","followers_verified":100}]}""", ["followers_verified"] },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_creation_answers_400_naming_the_fields(string json, string[] fields)
    {
        var before = (await api.Admin.AllCreators()).Count;

        await (await api.Admin.SendRaw(HttpMethod.Post, "/api/creators", json)).ExpectValidationProblem(fields);

        Assert.Equal(before, (await api.Admin.AllCreators()).Count);
    }

    [Fact]
    public async Task A_handle_is_registered_once_per_organization_ignoring_case()
    {
        var handle = CreatorApi.Handle("Dup");
        await api.Admin.CreateCreator(new { name = "First", profiles = new[] { CreatorApi.Profile(username: handle) } });

        var conflict = await (await api.Admin.Post("/api/creators", new { name = "Second", profiles = new[] { CreatorApi.Profile(username: "@" + handle.ToUpperInvariant()) } }))
            .ExpectProblem(HttpStatusCode.Conflict);
        var otherPlatform = await api.Admin.CreateCreator(new { name = "Other platform", profiles = new[] { CreatorApi.Profile("tiktok", username: handle) } });
        var (_, otherOrg) = await api.NewOrganization();
        using var _ = otherOrg;
        var elsewhere = await otherOrg.CreateCreator(new { name = "Same handle elsewhere", profiles = new[] { CreatorApi.Profile(username: handle) } });

        Assert.Contains("already exists", conflict.Str("detail"));
        Assert.Empty(await api.Admin.AllCreators("&q=Second"));
        Assert.Equal(handle, otherPlatform.OnlyProfile().Str("username"));
        Assert.Equal(handle, elsewhere.OnlyProfile().Str("username"));
    }

    [Fact]
    public async Task Patch_merges_creator_fields_changes_profiles_by_id_and_adds_new_ones()
    {
        var creator = await api.Admin.CreateCreator(new
        {
            name = "Before", email = "before@example.test",
            profiles = new[] { CreatorApi.Profile(followers: 12_000, niches: ["travel", "food"], location: "Paris") },
        });
        var profile = creator.OnlyProfile();
        var added = CreatorApi.Handle("added");

        var patched = await (await api.Admin.Patch($"/api/creators/{creator.Id()}", new
        {
            name = "After",
            email = (string?)null,
            is_active = false,
            profiles = new object[]
            {
                new { id = profile.Id(), followers_declared = 15_000, location = (string?)null, niches = new[] { "Travel" } },
                new { platform = "youtube", username = added, followers_declared = 3_000 },
            },
        })).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("After", patched.Str("name"));
        Assert.Null(patched["email"]);
        Assert.False(patched["is_active"]!.GetValue<bool>());
        var changed = patched["profiles"]!.AsArray().Single(p => p!.Str("id") == profile.Str("id"))!;
        Assert.Equal(15_000, changed["followers_declared"]!.GetValue<long>());
        Assert.Null(changed["location"]);
        Assert.Equal(new[] { "travel" }, changed["niches"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(profile.Str("username"), changed.Str("username"));
        Assert.Equal(profile["engagement_rate_declared"]!.GetValue<decimal>(), changed["engagement_rate_declared"]!.GetValue<decimal>());
        var youtube = patched["profiles"]!.AsArray().Single(p => p!.Str("platform") == "youtube")!;
        Assert.Equal(added, youtube.Str("username"));
        Assert.True(DateTimeOffset.Parse(patched.Str("updated_at")) > DateTimeOffset.Parse(creator.Str("updated_at")));
        Assert.Equal(creator.Str("created_at"), patched.Str("created_at"));
        Assert.True(JsonNode.DeepEquals(patched, await api.Admin.GetCreator(creator.Id())));
    }

    [Fact]
    public async Task Empty_patch_changes_nothing_but_the_update_time()
    {
        var creator = await api.Admin.CreateCreator();

        var patched = await (await api.Admin.Patch($"/api/creators/{creator.Id()}", new { })).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(creator.Str("name"), patched.Str("name"));
        Assert.True(JsonNode.DeepEquals(creator["profiles"], patched["profiles"]));
    }

    public static TheoryData<string, string> InvalidPatches => new()
    {
        { """{"name":null}""", "name" },
        { """{"is_active":"yes"}""", "is_active" },
        { """{"email":"nope"}""", "email" },
        { """{"created_at":"2026-01-01T00:00:00Z"}""", "created_at" },
        { """{"followers":1}""", "followers" },
        { """{"profiles":{}}""", "profiles" },
        { """{"profiles":[{"platform":"instagram"}]}""", "profiles[0].username" },
        { """{"profiles":[{"id":"PROFILE","followers_verified":5}]}""", "profiles[0].followers_verified" },
        { """{"profiles":[{"id":"PROFILE","followers_actual":5}]}""", "profiles[0].followers_actual" },
        { """{"profiles":[{"id":"PROFILE","engagement_rate_declared":2}]}""", "profiles[0].engagement_rate_declared" },
        { """{"profiles":[{"id":"PROFILE","username":null}]}""", "profiles[0].username" },
        { """{"profiles":[{"id":"PROFILE","followers_declared":"many"}]}""", "profiles[0].followers_declared" },
        { """{"profiles":[{"id":"not-a-guid"}]}""", "profiles[0].id" },
        { """{"profiles":[{"id":"00000000-0000-0000-0000-000000000001","bio":"x"}]}""", "profiles" },
    };

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task Invalid_patch_answers_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var creator = await api.Admin.CreateCreator();
        var body = json.Replace("PROFILE", creator.OnlyProfile().Str("id"));

        await (await api.Admin.SendRaw(HttpMethod.Patch, $"/api/creators/{creator.Id()}", body)).ExpectValidationProblem(field);

        Assert.True(JsonNode.DeepEquals(creator, await api.Admin.GetCreator(creator.Id())));
    }

    [Fact]
    public async Task Patch_to_a_handle_already_registered_is_a_conflict()
    {
        var taken = await api.Admin.CreateCreator();
        var creator = await api.Admin.CreateCreator();

        await (await api.Admin.Patch($"/api/creators/{creator.Id()}", new
        {
            profiles = new[] { new { id = creator.OnlyProfile().Id(), username = taken.OnlyProfile().Str("username").ToUpperInvariant() } },
        })).ExpectProblem(HttpStatusCode.Conflict);

        Assert.True(JsonNode.DeepEquals(creator, await api.Admin.GetCreator(creator.Id())));
    }

    [Fact]
    public async Task Unknown_creator_is_404()
    {
        await (await api.Admin.Get($"/api/creators/{Guid.CreateVersion7()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Patch($"/api/creators/{Guid.CreateVersion7()}", new { name = "Ghost" })).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_organizations_creators_are_invisible()
    {
        var (_, other) = await api.NewOrganization();
        using var _ = other;
        var theirs = await other.CreateCreator();
        var theirProfile = theirs.OnlyProfile();
        var ours = await api.Admin.CreateCreator();

        await (await api.Admin.Get($"/api/creators/{theirs.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Patch($"/api/creators/{theirs.Id()}", new { name = "Hijacked" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Patch($"/api/creators/{ours.Id()}", new { profiles = new[] { new { id = theirProfile.Id(), bio = "moved" } } }))
            .ExpectValidationProblem("profiles");
        Assert.DoesNotContain(theirs.Str("id"), (await api.Admin.AllCreators()).Select(c => c.Str("id")));
        Assert.Empty(await api.Admin.AllCreators($"&q={theirProfile.Str("username")}"));
        Assert.True(JsonNode.DeepEquals(theirs, await other.GetCreator(theirs.Id())));
    }

    [Fact]
    public async Task Every_mutation_is_audited_with_the_creator_id()
    {
        var (org, admin) = await api.NewOrganization();
        using var _ = admin;

        var creator = await admin.CreateCreator();
        await (await admin.Patch($"/api/creators/{creator.Id()}", new { name = "Renamed" })).Expect(HttpStatusCode.OK);
        await (await admin.Patch($"/api/creators/{creator.Id()}", new { name = "" })).ExpectValidationProblem("name");
        await (await admin.ImportCsv($"platform,username\ninstagram,{CreatorApi.Handle()}\n")).Expect(HttpStatusCode.OK);

        var rows = await admin.AuditRows("resource_type=creator");
        var create = Assert.Single(rows, r => r.Str("action") == "creator.create");
        Assert.Equal(creator.Str("id"), create.Str("resource_id"));
        Assert.Equal(org.AdminUserId.ToString(), create.Str("user_id"));
        var updates = rows.Where(r => r.Str("action") == "creator.update").ToList();
        Assert.Equal(new[] { "rejected", "succeeded" }, updates.Select(r => r.Str("outcome")));
        Assert.All(updates, u => Assert.Equal(creator.Str("id"), u.Str("resource_id")));
        Assert.Equal("succeeded", Assert.Single(rows, r => r.Str("action") == "creator.import").Str("outcome"));
    }

    [Theory]
    [InlineData("affiliate_manager")]
    [InlineData("finance")]
    [InlineData("read_only")]
    public async Task Readers_see_creators_and_cannot_change_them(string role)
    {
        var creator = await api.Admin.CreateCreator();
        using var client = api.Client((await api.KeyFor(role)).Secret);

        Assert.Equal(creator.Str("name"), (await client.GetCreator(creator.Id())).Str("name"));
        await (await client.Post("/api/creators", new { name = "Nope", profiles = new[] { CreatorApi.Profile() } })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.Patch($"/api/creators/{creator.Id()}", new { name = "Nope" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await client.ImportCsv($"platform,username\ninstagram,{CreatorApi.Handle()}\n")).ExpectProblem(HttpStatusCode.Forbidden);

        Assert.True(JsonNode.DeepEquals(creator, await api.Admin.GetCreator(creator.Id())));
    }

    [Theory]
    [InlineData("brand_manager")]
    [InlineData("media_buyer")]
    public async Task Brand_managers_and_media_buyers_manage_creators(string role)
    {
        using var client = api.Client((await api.KeyFor(role)).Secret);

        var creator = await client.CreateCreator();
        await (await client.Patch($"/api/creators/{creator.Id()}", new { name = $"By {role}" })).Expect(HttpStatusCode.OK);
        await (await client.ImportCsv($"platform,username\ntiktok,{CreatorApi.Handle()}\n")).Expect(HttpStatusCode.OK);
    }
}
