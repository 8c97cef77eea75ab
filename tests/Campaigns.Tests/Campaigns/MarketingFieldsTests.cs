using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Campaigns;

/// <summary>Marketing campaigns carry type, media_urls, segment_ids and per-platform content; other kinds refuse them.</summary>
public sealed class MarketingFieldsTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    private static readonly Guid Segment = Guid.Parse("0195f0a2-1111-7000-8000-000000000001");

    [Fact]
    public async Task Marketing_fields_are_created_patched_and_read_back()
    {
        var created = await api.Admin.CreateCampaign(new
        {
            name = "PPV drop", kind = "marketing", budget = 50_000, type = "ppv",
            media_urls = new[] { "https://cdn.example.com/a.jpg", "http://cdn.example.com/b.mp4" },
            segment_ids = new[] { Segment },
            content = new { telegram = new { text = "New drop" }, onlyfans = new { text = "Unlock" } },
        });
        Assert.Equal("ppv", created.Str("type"));
        Assert.Equal(2, created["media_urls"]!.AsArray().Count);
        Assert.Equal(Segment.ToString(), created["segment_ids"]![0]!.GetValue<string>());
        Assert.Equal("New drop", created["content"]!["telegram"]!["text"]!.GetValue<string>());

        var patched = await (await api.Admin.Patch($"/api/campaigns/{created.Id()}", new
        {
            type = "retention", media_urls = Array.Empty<string>(), content = new { email = new { subject = "We miss you" } },
        })).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("retention", patched.Str("type"));
        Assert.Null(patched["media_urls"]);
        Assert.Equal(Segment.ToString(), patched["segment_ids"]![0]!.GetValue<string>());
        Assert.Null(patched["content"]!["telegram"]);
        Assert.Equal("We miss you", patched["content"]!["email"]!["subject"]!.GetValue<string>());

        var cleared = await (await api.Admin.Patch($"/api/campaigns/{created.Id()}", new JsonObject { ["type"] = null, ["content"] = null }))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Null(cleared["type"]);
        Assert.Null(cleared["content"]);
        Assert.True(JsonNode.DeepEquals(cleared, await api.Admin.GetCampaign(created.Id())));
    }

    [Fact]
    public async Task Campaign_without_marketing_fields_shows_none()
    {
        var created = await api.Admin.CreateCampaign();
        foreach (var field in new[] { "type", "media_urls", "segment_ids", "content" })
        {
            Assert.Null(created[field]);
        }
    }

    [Fact]
    public async Task Invalid_marketing_fields_are_refused_naming_each()
    {
        var response = await api.Admin.Post("/api/campaigns", new
        {
            name = "Bad", kind = "marketing", budget = 100, type = "spam",
            media_urls = new[] { "ftp://x.example.com/a", "not a url" },
            segment_ids = new[] { "nope" },
            content = new { myspace = "hi" },
        });
        await response.ExpectValidationProblem("type", "media_urls", "segment_ids", "content.myspace");

        var tooMany = Enumerable.Range(0, 21).Select(i => $"https://cdn.example.com/{i}.jpg").ToArray();
        await (await api.Admin.Post("/api/campaigns", new { name = "Many", kind = "marketing", budget = 100, media_urls = tooMany }))
            .ExpectValidationProblem("media_urls");

        var campaign = await api.Admin.CreateCampaign();
        await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}", new { content = "text", segment_ids = new[] { "x" } }))
            .ExpectValidationProblem("content", "segment_ids");
    }

    [Fact]
    public async Task Other_kinds_refuse_marketing_fields_naming_each()
    {
        await (await api.Admin.Post("/api/campaigns", new
        {
            name = "Influencer", kind = "influencer", budget = 100, type = "ppv", media_urls = new[] { "https://a.example.com/x" },
            segment_ids = new[] { Segment }, content = new { instagram = "hi" },
        })).ExpectValidationProblem("type", "media_urls", "segment_ids", "content");

        var influencer = await api.Admin.CreateCampaign(new { name = "Inf", kind = "influencer", budget = 100 });
        await (await api.Admin.Patch($"/api/campaigns/{influencer.Id()}", new { type = "ppv", content = new { instagram = "hi" } }))
            .ExpectValidationProblem("type", "content");
    }

    [Fact]
    public async Task Another_organization_cannot_patch_marketing_fields()
    {
        var campaign = await api.Admin.CreateCampaign();
        var (_, stranger) = await api.NewOrganization();
        await (await stranger.Patch($"/api/campaigns/{campaign.Id()}", new { type = "ppv" })).ExpectProblem(HttpStatusCode.NotFound);
    }
}
