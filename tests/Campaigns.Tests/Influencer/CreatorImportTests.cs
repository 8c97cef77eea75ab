using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

/// <summary>POST /api/creators/import: CSV, all or nothing, upserting profiles by (platform, username).</summary>
public sealed class CreatorImportTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private static JsonNode ProfileOf(List<JsonNode> creators, string username) =>
        creators.SelectMany(c => c["profiles"]!.AsArray()).Single(p => string.Equals(p!.Str("username"), username, StringComparison.OrdinalIgnoreCase))!;

    [Fact]
    public async Task Import_creates_creators_and_reports_counts()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        const string csv = """
            name,email,platform,username,followers_declared,engagement_rate_declared,niches,location,bio,following_count,posts_count,is_active
            Anna,anna@example.test,instagram,@anna_style,48000,0.042,fashion;Beauty,"Moscow, Russia","Street style, daily",310,1200,true
            Ben,,tiktok,ben_dance,120000,5.5%,dance|comedy,Berlin,,,,no
            ,,youtube,no_name_given,,,,,,,,
            """;

        var summary = await (await admin.ImportCsv(csv)).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(3, summary["rows"]!.GetValue<int>());
        Assert.Equal(3, summary["created"]!.GetValue<int>());
        Assert.Equal(0, summary["updated"]!.GetValue<int>());
        Assert.Equal(3, summary["creators_created"]!.GetValue<int>());
        var creators = await admin.AllCreators();
        Assert.Equal(3, creators.Count);
        var anna = creators.Single(c => c.Str("name") == "Anna");
        Assert.Equal("anna@example.test", anna.Str("email"));
        var annaProfile = anna.OnlyProfile();
        Assert.Equal("anna_style", annaProfile.Str("username"));
        Assert.Equal(48_000, annaProfile["followers_actual"]!.GetValue<long>());
        Assert.Equal(0.042m, annaProfile["engagement_rate_actual"]!.GetValue<decimal>());
        Assert.Equal(["fashion", "beauty"], annaProfile["niches"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("Moscow, Russia", annaProfile.Str("location"));
        Assert.Equal("Street style, daily", annaProfile.Str("bio"));
        Assert.Equal(1200, annaProfile["posts_count"]!.GetValue<int>());
        var ben = creators.Single(c => c.Str("name") == "Ben");
        Assert.False(ben["is_active"]!.GetValue<bool>());
        Assert.Null(ben["email"]);
        Assert.Equal(0.055m, ben.OnlyProfile()["engagement_rate_declared"]!.GetValue<decimal>());
        Assert.Equal(["dance", "comedy"], ben.OnlyProfile()["niches"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("no_name_given", creators.Single(c => c.OnlyProfile().Str("platform") == "youtube").Str("name"));
    }

    [Fact]
    public async Task Re_import_updates_by_platform_and_username_and_leaves_absent_columns_alone()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        await (await admin.ImportCsv("""
            name,platform,username,followers_declared,location,bio
            Cara,instagram,cara_cooks,15000,Lyon,Chef
            """)).Expect(HttpStatusCode.OK);
        var before = Assert.Single(await admin.AllCreators());

        var summary = await (await admin.ImportCsv("""
            platform;username;followers_declared;bio
            Instagram;@CARA_COOKS;17500;
            tiktok;cara_cooks;4000;Short recipes
            """)).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(1, summary["created"]!.GetValue<int>());
        Assert.Equal(1, summary["updated"]!.GetValue<int>());
        Assert.Equal(1, summary["creators_created"]!.GetValue<int>());
        var creators = await admin.AllCreators();
        Assert.Equal(2, creators.Count);
        var cara = creators.Single(c => c.Str("id") == before.Str("id"));
        Assert.Equal("Cara", cara.Str("name"));
        var updated = cara.OnlyProfile();
        Assert.Equal(before.OnlyProfile().Str("id"), updated.Str("id"));
        Assert.Equal("cara_cooks", updated.Str("username"));
        Assert.Equal(17_500, updated["followers_declared"]!.GetValue<long>());
        Assert.Equal("Lyon", updated.Str("location"));
        Assert.Null(updated["bio"]);
    }

    [Fact]
    public async Task Creator_id_column_adds_a_profile_to_an_existing_creator()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var creator = await admin.CreateCreator();

        var summary = await (await admin.ImportCsv($"creator_id,platform,username,followers_declared\n{creator.Str("id")},youtube,second_channel,5000\n"))
            .ExpectJson(HttpStatusCode.OK);

        Assert.Equal(0, summary["creators_created"]!.GetValue<int>());
        var after = await admin.GetCreator(creator.Id());
        Assert.Equal(2, after["profiles"]!.AsArray().Count);
    }

    [Fact]
    public async Task Any_invalid_row_refuses_the_whole_file_naming_rows_and_fields()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        const string csv = """
            platform,username,followers_declared,engagement_rate_declared,is_active
            instagram,good_one,1000,0.01,true
            instagram,bad_followers,-5,0.01,true
            myspace,bad_platform,10,,
            instagram,,10,,
            tiktok,bad_rate,10,1.5,maybe
            instagram,GOOD_ONE,1,,
            """;

        var errors = await (await admin.ImportCsv(csv)).ExpectValidationProblem(
            "rows[3].followers_declared", "rows[4].platform", "rows[5].username", "rows[6].engagement_rate_declared", "rows[6].is_active",
            "rows[7].username");

        Assert.Contains("Row 3", errors["rows[3].followers_declared"]![0]!.GetValue<string>());
        Assert.Contains("row 2", errors["rows[7].username"]![0]!.GetValue<string>());
        Assert.Empty(await admin.AllCreators());
    }

    [Fact]
    public async Task A_row_refused_by_the_database_rolls_back_rows_already_written()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var (_, other) = await api.NewOrganization();
        using var __ = other;
        var theirs = await other.CreateCreator();
        var existing = await admin.CreateCreator(new { name = "Existing", profiles = new[] { CreatorApi.Profile(followers: 1_000) } });

        await (await admin.ImportCsv($"""
            creator_id,platform,username,followers_declared
            ,instagram,{existing.OnlyProfile().Str("username")},2000
            ,tiktok,written_then_undone,10
            {theirs.Str("id")},youtube,stolen,10
            {Guid.CreateVersion7()},youtube,unknown,10
            """)).ExpectValidationProblem("rows[4].creator_id", "rows[5].creator_id");

        var creators = await admin.AllCreators();
        Assert.True(JsonNode.DeepEquals(existing, Assert.Single(creators)), "Nothing was written, not even the rows before the refused one.");
        Assert.Single(theirs["profiles"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(theirs, await other.GetCreator(theirs.Id())));
    }

    [Fact]
    public async Task A_profile_is_not_moved_to_another_creator_by_import()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var owner = await admin.CreateCreator();
        var other = await admin.CreateCreator();

        await (await admin.ImportCsv($"creator_id,platform,username,followers_declared\n{other.Str("id")},instagram,{owner.OnlyProfile().Str("username")},1\n"))
            .ExpectValidationProblem("rows[2].creator_id");

        Assert.True(JsonNode.DeepEquals(owner, await admin.GetCreator(owner.Id())));
        Assert.True(JsonNode.DeepEquals(other, await admin.GetCreator(other.Id())));
    }

    [Fact]
    public async Task Same_handle_in_another_organization_is_a_different_profile()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var (_, other) = await api.NewOrganization();
        using var __ = other;
        var theirs = await other.CreateCreator(new { name = "Theirs", profiles = new[] { CreatorApi.Profile(username: "shared_handle", followers: 777) } });

        var summary = await (await admin.ImportCsv("platform,username,followers_declared\ninstagram,shared_handle,5\n")).ExpectJson(HttpStatusCode.OK);

        Assert.Equal(1, summary["created"]!.GetValue<int>());
        Assert.Equal(5, ProfileOf(await admin.AllCreators(), "shared_handle")["followers_declared"]!.GetValue<long>());
        Assert.True(JsonNode.DeepEquals(theirs, await other.GetCreator(theirs.Id())));
    }

    [Theory]
    [InlineData("", "rows[1].header")]
    [InlineData("platform,username\n", "rows[2].row")]
    [InlineData("platform,handle\ninstagram,x\n", "rows[1].handle", "rows[1].username")]
    [InlineData("platform,name\ninstagram,x\n", "rows[1].username")]
    [InlineData("platform,username,platform\ninstagram,x,tiktok\n", "rows[1].platform")]
    [InlineData("platform,username\ninstagram,x,extra\n", "rows[2].row")]
    [InlineData("platform,username\ninstagram,\"unclosed\n", "rows[2].row")]
    [InlineData("platform,username,creator_id\ninstagram,x,not-an-id\n", "rows[2].creator_id")]
    public async Task Malformed_files_answer_400_naming_the_row_and_column(string csv, params string[] keys)
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;

        await (await admin.ImportCsv(csv)).ExpectValidationProblem(keys);

        Assert.Empty(await admin.AllCreators());
    }

    [Fact]
    public async Task A_body_that_is_not_csv_is_415()
    {
        await (await api.Admin.ImportCsv("""{"platform":"instagram"}""", "application/json")).ExpectProblem(HttpStatusCode.UnsupportedMediaType);
    }
}
