using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

/// <summary>The outreach section of a campaign (kind "outreach"): create, merge-patch, validation, other kinds, duplication.</summary>
public sealed class OutreachCampaignTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Created_outreach_campaign_answers_its_section_in_the_seed_shape()
    {
        var pipeline = await api.Admin.CreatePipeline();
        var company = await api.Admin.CreateCompany();
        var contact = await api.Admin.CreateContact();
        var campaign = await api.Admin.CreateOutreach(new
        {
            schedule = new { timezone = "Europe/Moscow", working_hours = new { start = "09:00", end = "18:00" }, days_of_week = new[] { 1, 2, 3, 4, 5, 7 } },
            target_audience = new
            {
                filters = new { has_telegram = true, company_id = company.Id(), pipeline_id = pipeline.Id() },
                limit = 1000, only_new = true, contact_ids = new[] { contact.Id(), contact.Id() }, send_delay_seconds = 60,
            },
            lead_creation_settings = new { trigger = "on_reply", default_stage_id = pipeline.StageId(1) },
            pipeline_id = pipeline.Id(),
            jitter_minutes = 15,
        });

        var expected = JsonNode.Parse($$"""
            {
              "schedule": { "timezone": "Europe/Moscow", "working_hours": { "start": "09:00", "end": "18:00" }, "days_of_week": [0, 1, 2, 3, 4, 5] },
              "target_audience": {
                "filters": { "has_telegram": true, "company_id": "{{company.Id()}}", "pipeline_id": "{{pipeline.Id()}}" },
                "limit": 1000, "only_new": true, "contact_ids": ["{{contact.Id()}}"], "bd_account_id": null, "send_delay_seconds": 60
              },
              "lead_creation_settings": { "trigger": "on_reply", "default_stage_id": "{{pipeline.StageId(1)}}" },
              "pipeline_id": "{{pipeline.Id()}}",
              "jitter_minutes": 15,
              "templates": [],
              "steps": []
            }
            """)!.AsObject();
        foreach (var (key, value) in expected)
        {
            Assert.True(JsonNode.DeepEquals(value, campaign[key]), $"{key}: expected {value?.ToJsonString()}, got {campaign[key]?.ToJsonString()}");
        }

        Assert.True(JsonNode.DeepEquals(campaign, await api.Admin.GetCampaign(campaign.Id())));
    }

    [Fact]
    public async Task A_minimal_outreach_campaign_has_an_empty_audience_and_no_schedule()
    {
        var campaign = await api.Admin.CreateOutreach();
        Assert.Null(campaign["schedule"]);
        Assert.Equal(0, campaign["jitter_minutes"]!.GetValue<int>());
        Assert.Empty(campaign["target_audience"]!["contact_ids"]!.AsArray());
        Assert.Null(campaign["audience_size"]);
    }

    [Fact]
    public async Task Patch_merges_the_section_member_by_member()
    {
        var contact = await api.Admin.CreateContact();
        var campaign = await api.Admin.CreateOutreach(new
        {
            schedule = new { timezone = "Europe/Berlin", working_hours = new { start = "09:00", end = "17:00" }, days_of_week = new[] { 1, 2 } },
            target_audience = new { limit = 50, send_delay_seconds = 30 },
        });

        var patched = await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}", new
        {
            schedule = new { working_hours = new { end = "20:00" } },
            target_audience = new { contact_ids = new[] { contact.Id() }, limit = (int?)null },
            jitter_minutes = 5,
        })).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("Europe/Berlin", patched["schedule"]!.Str("timezone"));
        Assert.Equal("09:00", patched["schedule"]!["working_hours"]!.Str("start"));
        Assert.Equal("20:00", patched["schedule"]!["working_hours"]!.Str("end"));
        Assert.Equal(30, patched["target_audience"]!["send_delay_seconds"]!.GetValue<int>());
        Assert.Null(patched["target_audience"]!["limit"]);
        Assert.Equal(contact.Str("id"), patched["target_audience"]!["contact_ids"]![0]!.GetValue<string>());
        Assert.Equal(5, patched["jitter_minutes"]!.GetValue<int>());

        var cleared = await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}", new { schedule = (object?)null })).ExpectJson(HttpStatusCode.OK);
        Assert.Null(cleared["schedule"]);
    }

    [Fact]
    public async Task Invalid_members_are_each_named_by_path()
    {
        var response = await api.Admin.Post("/api/campaigns", new
        {
            name = "Bad", kind = "outreach", budget = 0,
            schedule = new { timezone = "Mars/Olympus", working_hours = new { start = "9am", end = "25:00" }, days_of_week = new[] { 1, 8 } },
            target_audience = new { limit = 100_001, send_delay_seconds = -1, contact_ids = new[] { "nope" }, color = "red" },
            lead_creation_settings = new { trigger = "sometimes" },
            jitter_minutes = -3,
        });

        await response.ExpectValidationProblem(
            "schedule.timezone", "schedule.working_hours.start", "schedule.working_hours.end", "schedule.days_of_week[1]",
            "target_audience.limit", "target_audience.send_delay_seconds", "target_audience.contact_ids[0]", "target_audience.color",
            "lead_creation_settings.trigger", "jitter_minutes");
    }

    [Fact]
    public async Task Lead_creation_needs_a_pipeline_and_a_stage_of_it()
    {
        var pipeline = await api.Admin.CreatePipeline();
        var other = await api.Admin.CreatePipeline();
        await (await api.Admin.Post("/api/campaigns", new { name = "L", kind = "outreach", budget = 0, lead_creation_settings = new { trigger = "on_first_send" } }))
            .ExpectValidationProblem("lead_creation_settings");
        await (await api.Admin.Post("/api/campaigns", new
        {
            name = "L", kind = "outreach", budget = 0, pipeline_id = pipeline.Id(),
            lead_creation_settings = new { trigger = "on_first_send", default_stage_id = other.StageId(0) },
        })).ExpectValidationProblem("lead_creation_settings.default_stage_id");

        var campaign = await api.Admin.CreateOutreach(new { pipeline_id = pipeline.Id(), lead_creation_settings = new { trigger = "on_first_send" } });
        await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}", new { pipeline_id = (Guid?)null })).ExpectValidationProblem("lead_creation_settings");
    }

    [Fact]
    public async Task Another_organizations_records_are_refused_like_unknown_ones()
    {
        var (_, otherAdmin) = await api.NewOrganization();
        var theirCompany = await otherAdmin.CreateCompany();
        var theirPipeline = await otherAdmin.CreatePipeline();
        var theirContact = await otherAdmin.CreateContact();

        await (await api.Admin.Post("/api/campaigns", new
        {
            name = "X", kind = "outreach", budget = 0, pipeline_id = theirPipeline.Id(),
            target_audience = new { filters = new { company_id = theirCompany.Id(), pipeline_id = theirPipeline.Id() }, contact_ids = new[] { theirContact.Id() } },
        })).ExpectValidationProblem("pipeline_id", "target_audience.filters.company_id", "target_audience.filters.pipeline_id", "target_audience.contact_ids");

        var campaign = await api.Admin.CreateOutreach();
        await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}", new { target_audience = new { contact_ids = new[] { theirContact.Id() } } }))
            .ExpectValidationProblem("target_audience.contact_ids");
        await (await otherAdmin.Get($"/api/campaigns/{campaign.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Other_kinds_refuse_the_outreach_members()
    {
        await (await api.Admin.Post("/api/campaigns", new
        {
            name = "M", kind = "marketing", budget = 0, schedule = new { timezone = "UTC" }, pipeline_id = Guid.NewGuid(), jitter_minutes = 1,
            lead_creation_settings = new { trigger = "on_reply" },
        })).ExpectValidationProblem("schedule", "pipeline_id", "jitter_minutes", "lead_creation_settings");
        await (await api.Admin.Post("/api/campaigns", new { name = "I", kind = "influencer", budget = 0, target_audience = new { limit = 5 } }))
            .ExpectValidationProblem("target_audience");

        var marketing = await api.Admin.CreateCampaign();
        await (await api.Admin.Patch($"/api/campaigns/{marketing.Id()}", new { schedule = new { timezone = "UTC" }, target_audience = new { limit = 5 } }))
            .ExpectValidationProblem("schedule", "target_audience");
    }

    [Fact]
    public async Task Influencer_target_audience_stays_free_text()
    {
        var influencer = await api.Admin.CreateCampaign(new { name = "I", kind = "influencer", budget = 100, target_audience = "Runners" });
        Assert.Equal("Runners", influencer.Str("target_audience"));
        Assert.Null(influencer["schedule"]);
        Assert.Null(influencer["steps"]);
    }

    [Fact]
    public async Task A_duplicated_outreach_campaign_keeps_its_section()
    {
        var campaign = await api.Admin.CreateOutreach(new
        {
            schedule = new { timezone = "America/New_York", days_of_week = new[] { 6, 0 } }, jitter_minutes = 7,
        });
        var copy = await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/duplicate", new { })).ExpectJson(HttpStatusCode.Created);
        Assert.True(JsonNode.DeepEquals(campaign["schedule"], copy["schedule"]));
        Assert.Equal(7, copy["jitter_minutes"]!.GetValue<int>());
        Assert.Equal("00:00", copy["schedule"]!["working_hours"]!.Str("start"));
    }

    [Fact]
    public async Task A_duplicated_outreach_campaign_copies_its_templates_and_sequence()
    {
        var campaign = await api.Admin.CreateOutreach();
        var template = await api.Admin.CreateTemplate(campaign.Id(), "Hi {{contact.first_name}}");
        var preset = await api.Admin.CreatePreset();
        await api.Admin.CreateStep(campaign.Id(), template.Id(), new { order_index = 0 });
        await api.Admin.CreateStep(campaign.Id(), preset.Id(), new { order_index = 5, trigger_type = "after_reply" });

        var copy = await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/duplicate", new { })).ExpectJson(HttpStatusCode.Created);
        var copiedTemplate = Assert.Single(copy["templates"]!.AsArray())!;
        Assert.NotEqual(template.Str("id"), copiedTemplate.Str("id"));
        Assert.Equal((template.Str("name"), template.Str("content"), copy.Str("id")),
            (copiedTemplate.Str("name"), copiedTemplate.Str("content"), copiedTemplate.Str("campaign_id")));
        var steps = copy["steps"]!.AsArray();
        Assert.Equal([copiedTemplate.Str("id"), preset.Str("id")], steps.Select(s => s!.Str("template_id")));
        Assert.Equal([0, 5], steps.Select(s => s!["order_index"]!.GetValue<int>()));
        Assert.True(JsonNode.DeepEquals(copy, await api.Admin.GetCampaign(copy.Id())));

        // The source is untouched and both can change independently.
        Assert.Equal(2, (await api.Admin.GetCampaign(campaign.Id()))["steps"]!.AsArray().Count);
        await (await api.Admin.Delete($"/api/campaigns/{copy.Id()}/steps/{steps[0]!.Id()}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(2, (await api.Admin.GetCampaign(campaign.Id()))["steps"]!.AsArray().Count);
    }
}
