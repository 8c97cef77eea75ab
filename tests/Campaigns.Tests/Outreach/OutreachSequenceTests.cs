using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Crm;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Outreach;

/// <summary>An outreach campaign's templates, the organization's presets, previews and the sequence of steps.</summary>
public sealed class OutreachSequenceTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Templates_are_created_listed_patched_and_deleted()
    {
        var campaign = await api.Admin.CreateOutreach();
        var response = await api.Admin.Post($"/api/campaigns/{campaign.Id()}/templates", new { name = " Intro ", content = "Hi {{ contact.first_name }}" });
        var template = await response.ExpectJson(HttpStatusCode.Created);
        Assert.Equal($"/api/campaigns/{campaign.Id()}/templates/{template.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Intro", template.Str("name"));
        Assert.Equal("telegram", template.Str("channel"));
        Assert.Equal(campaign.Str("id"), template.Str("campaign_id"));

        var patched = await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}/templates/{template.Id()}", new { content = "Hello {{company.name}}" }))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Intro", patched.Str("name"));
        Assert.Equal("Hello {{company.name}}", patched.Str("content"));

        var list = await (await api.Admin.Get($"/api/campaigns/{campaign.Id()}/templates")).ExpectJson(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(new JsonArray(patched.DeepClone()), list));
        Assert.True(JsonNode.DeepEquals(list, (await api.Admin.GetCampaign(campaign.Id()))["templates"]));

        await (await api.Admin.Delete($"/api/campaigns/{campaign.Id()}/templates/{template.Id()}")).Expect(HttpStatusCode.NoContent);
        await (await api.Admin.Delete($"/api/campaigns/{campaign.Id()}/templates/{template.Id()}")).ExpectProblem(HttpStatusCode.NotFound);

        var audit = await api.Admin.AuditRows($"resource_id={template.Id()}");
        Assert.Equal(
            ["outreach_template.delete", "outreach_template.delete", "outreach_template.update", "outreach_template.create"],
            audit.Select(r => r.Str("action")));
    }

    [Fact]
    public async Task Template_content_is_checked_at_save_time()
    {
        var campaign = await api.Admin.CreateOutreach();
        var url = $"/api/campaigns/{campaign.Id()}/templates";
        var unknown = await (await api.Admin.Post(url, new { name = "T", content = "Hi {{contact.nickname}}" })).ExpectValidationProblem("content");
        Assert.Contains("{{contact.nickname}}", unknown["content"]![0]!.GetValue<string>());
        await (await api.Admin.Post(url, new { name = "T", content = new string('x', 4097) })).ExpectValidationProblem("content");
        await (await api.Admin.Post(url, new { name = "T", content = new string('x', 4096) })).Expect(HttpStatusCode.Created);
        await (await api.Admin.Post(url, new { content = " " , channel = "email" })).ExpectValidationProblem("name", "content", "channel");
        await (await api.Admin.Post(url, new { name = "T", content = "x", tone = "warm" })).ExpectValidationProblem("tone");
    }

    [Fact]
    public async Task Only_outreach_campaigns_have_templates_and_steps()
    {
        var marketing = await api.Admin.CreateCampaign();
        await (await api.Admin.Post($"/api/campaigns/{marketing.Id()}/templates", new { name = "T", content = "x" })).ExpectValidationProblem("kind");
        await (await api.Admin.Get($"/api/campaigns/{marketing.Id()}/steps")).ExpectValidationProblem("kind");
    }

    [Fact]
    public async Task Another_organizations_campaign_is_not_found()
    {
        var campaign = await api.Admin.CreateOutreach();
        var template = await api.Admin.CreateTemplate(campaign.Id());
        var (_, other) = await api.NewOrganization();
        await (await other.Get($"/api/campaigns/{campaign.Id()}/templates")).ExpectProblem(HttpStatusCode.NotFound);
        await (await other.Post($"/api/campaigns/{campaign.Id()}/templates", new { name = "T", content = "x" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await other.Delete($"/api/campaigns/{campaign.Id()}/templates/{template.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await other.Get($"/api/campaigns/{campaign.Id()}/steps")).ExpectProblem(HttpStatusCode.NotFound);
        await (await other.Patch($"/api/campaigns/presets/{(await api.Admin.CreatePreset()).Id()}", new { name = "Mine" })).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Steps_use_campaign_templates_or_presets_and_keep_seed_conditions()
    {
        var pipeline = await api.Admin.CreatePipeline();
        var campaign = await api.Admin.CreateOutreach();
        var template = await api.Admin.CreateTemplate(campaign.Id());
        var preset = await api.Admin.CreatePreset();
        var conditions = JsonNode.Parse($$"""
            {
              "stopIfReplied": true,
              "contact": [{ "field": "email", "op": "not_empty" }, { "field": "company_name", "op": "contains", "value": "acme" }],
              "inPipelineStage": { "pipelineId": "{{pipeline.Id()}}", "stageIds": ["{{pipeline.StageId(0)}}", "{{pipeline.StageId(1)}}"] }
            }
            """);

        var first = await api.Admin.CreateStep(campaign.Id(), template.Id(), new { conditions });
        Assert.Equal(0, first["order_index"]!.GetValue<int>());
        Assert.Equal("delay", first.Str("trigger_type"));
        Assert.True(JsonNode.DeepEquals(conditions, first["conditions"]), first["conditions"]!.ToJsonString());
        var second = await api.Admin.CreateStep(campaign.Id(), preset.Id(), new { trigger_type = "after_reply", delay_hours = 0 });
        Assert.Equal(1, second["order_index"]!.GetValue<int>());
        Assert.Equal("after_reply", second.Str("trigger_type"));

        var steps = await (await api.Admin.Get($"/api/campaigns/{campaign.Id()}/steps")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal([first.Str("id"), second.Str("id")], steps.AsArray().Select(s => s!.Str("id")));
        Assert.True(JsonNode.DeepEquals(steps, (await api.Admin.GetCampaign(campaign.Id()))["steps"]));

        var plans = api.Host.Services.GetRequiredService<OutreachPlanRepository>();
        var plan = await plans.Load(campaign.Id());
        Assert.Equal([first.Id(), second.Id()], plan.Steps.Select(s => s.Id));
        Assert.Equal(new[] { template.Id(), preset.Id() }.Order(), plan.Templates.Keys.Order());
        Assert.True(plan.Steps[0].Conditions.StopIfReplied);
        Assert.Equal(2, plan.Steps[0].Conditions.InPipelineStage!.StageIds.Count);

        var before = await plans.Version(campaign.Id());
        await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}/steps/{second.Id()}", new { delay_hours = 48 })).ExpectJson(HttpStatusCode.OK);
        var afterStep = await plans.Version(campaign.Id());
        Assert.True(afterStep > before);
        await (await api.Admin.Patch($"/api/campaigns/presets/{preset.Id()}", new { content = "Changed {{contact.last_name}}" })).ExpectJson(HttpStatusCode.OK);
        Assert.True(await plans.Version(campaign.Id()) > afterStep);
    }

    [Fact]
    public async Task Bad_step_parts_are_named_by_path()
    {
        var campaign = await api.Admin.CreateOutreach();
        var template = await api.Admin.CreateTemplate(campaign.Id());
        var url = $"/api/campaigns/{campaign.Id()}/steps";
        var response = await api.Admin.Post(url, JsonNode.Parse($$"""
            {
              "template_id": "{{template.Id()}}", "delay_hours": -1, "trigger_type": "later",
              "conditions": {
                "stopIfReplied": "yes",
                "contact": [{ "field": "nickname", "op": "equals", "value": "x" }, { "field": "email", "op": "like" }, { "field": "phone", "op": "equals" }],
                "inPipelineStage": { "stageIds": [] },
                "notInPipelineStage": { "pipelineId": "x", "stageIds": ["y"] },
                "onlyOnMondays": true
              }
            }
            """));
        await response.ExpectValidationProblem(
            "delay_hours", "trigger_type", "conditions.stopIfReplied", "conditions.contact[0].field", "conditions.contact[1].op",
            "conditions.contact[2].value", "conditions.inPipelineStage.pipelineId", "conditions.inPipelineStage.stageIds",
            "conditions.notInPipelineStage.pipelineId", "conditions.notInPipelineStage.stageIds[0]", "conditions.onlyOnMondays");

        await (await api.Admin.Post(url, new { delay_hours = 1 })).ExpectValidationProblem("template_id");
        await (await api.Admin.Post(url, new { template_id = Guid.NewGuid() })).ExpectValidationProblem("template_id");

        var (_, other) = await api.NewOrganization();
        var theirPipeline = await other.CreatePipeline();
        var theirPreset = await other.CreatePreset();
        var mine = await api.Admin.CreatePipeline();
        await (await api.Admin.Post(url, JsonNode.Parse($$"""
            {
              "template_id": "{{theirPreset.Id()}}",
              "conditions": {
                "inPipelineStage": { "pipelineId": "{{theirPipeline.Id()}}", "stageIds": ["{{theirPipeline.StageId(0)}}"] },
                "notInPipelineStage": { "pipelineId": "{{mine.Id()}}", "stageIds": ["{{mine.StageId(0)}}", "{{theirPipeline.StageId(0)}}"] }
              }
            }
            """))).ExpectValidationProblem("template_id", "conditions.inPipelineStage.pipelineId", "conditions.notInPipelineStage.stageIds[1]");
    }

    [Fact]
    public async Task A_taken_order_index_and_a_used_template_are_conflicts()
    {
        var campaign = await api.Admin.CreateOutreach();
        var template = await api.Admin.CreateTemplate(campaign.Id());
        var step = await api.Admin.CreateStep(campaign.Id(), template.Id(), new { order_index = 3 });
        await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/steps", new { template_id = template.Id(), order_index = 3 })).ExpectProblem(HttpStatusCode.Conflict);
        var next = await api.Admin.CreateStep(campaign.Id(), template.Id());
        Assert.Equal(4, next["order_index"]!.GetValue<int>());
        await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}/steps/{next.Id()}", new { order_index = 3 })).ExpectProblem(HttpStatusCode.Conflict);

        await (await api.Admin.Delete($"/api/campaigns/{campaign.Id()}/templates/{template.Id()}")).ExpectProblem(HttpStatusCode.Conflict);
        await (await api.Admin.Delete($"/api/campaigns/{campaign.Id()}/steps/{step.Id()}")).Expect(HttpStatusCode.NoContent);
        await (await api.Admin.Delete($"/api/campaigns/{campaign.Id()}/steps/{next.Id()}")).Expect(HttpStatusCode.NoContent);
        await (await api.Admin.Delete($"/api/campaigns/{campaign.Id()}/templates/{template.Id()}")).Expect(HttpStatusCode.NoContent);

        var preset = await api.Admin.CreatePreset();
        await api.Admin.CreateStep(campaign.Id(), preset.Id());
        await (await api.Admin.Delete($"/api/campaigns/presets/{preset.Id()}")).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Sequence_is_editable_in_draft_and_paused_only()
    {
        var campaign = await api.Admin.CreateOutreach(await OutreachStartable.Section(api.Admin, api.ConnectionString, api.Org.Id));
        var template = await api.Admin.CreateTemplate(campaign.Id());
        var step = await api.Admin.CreateStep(campaign.Id(), template.Id());
        var preset = await api.Admin.CreatePreset();
        await api.Admin.CreateStep(campaign.Id(), preset.Id());
        await api.Admin.Walk(campaign.Id(), "launch");

        var active = await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/templates", new { name = "T", content = "x" })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("active", active.Str("detail"));
        await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}/steps/{step.Id()}", new { delay_hours = 1 })).ExpectProblem(HttpStatusCode.Conflict);
        await (await api.Admin.Delete($"/api/campaigns/{campaign.Id()}/templates/{template.Id()}")).ExpectProblem(HttpStatusCode.Conflict);
        await (await api.Admin.Patch($"/api/campaigns/presets/{preset.Id()}", new { content = "changed" })).ExpectProblem(HttpStatusCode.Conflict);
        await (await api.Admin.Patch($"/api/campaigns/presets/{preset.Id()}", new { name = "Renamed" })).ExpectJson(HttpStatusCode.OK);

        await api.Admin.Walk(campaign.Id(), "pause");
        await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}/steps/{step.Id()}", new { delay_hours = 1 })).ExpectJson(HttpStatusCode.OK);

        await api.Admin.Walk(campaign.Id(), "complete");
        var done = await (await api.Admin.Delete($"/api/campaigns/{campaign.Id()}/steps/{step.Id()}")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("completed", done.Str("detail"));
        Assert.Equal(2, (await api.Admin.GetCampaign(campaign.Id()))["steps"]!.AsArray().Count);
    }

    [Fact]
    public async Task Preview_renders_for_a_contact_with_the_placeholders_used()
    {
        var company = await api.Admin.CreateCompany("Acme");
        var contact = await api.Admin.CreateContact(new { first_name = "Ann", telegram_id = CrmApi.TelegramId(), company_id = company.Id() });
        var campaign = await api.Admin.CreateOutreach();
        var template = await api.Admin.CreateTemplate(campaign.Id(), "Hi {{contact.first_name}} {{contact.last_name}}, {{company.name}} {{ai.personalize}}");
        var preview = await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/templates/{template.Id()}/preview", new { contact_id = contact.Id() }))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Hi Ann, Acme", preview.Str("text"));
        Assert.Equal(["contact.first_name", "contact.last_name", "company.name", "ai.personalize"], preview["placeholders"]!.AsArray().Select(p => p!.GetValue<string>()));

        var preset = await api.Admin.CreatePreset("Dear {{contact.first_name}}");
        var viaCampaign = await (await api.Admin.Post($"/api/campaigns/{campaign.Id()}/templates/{preset.Id()}/preview", new { contact_id = contact.Id() })).ExpectJson(HttpStatusCode.OK);
        var direct = await (await api.Admin.Post($"/api/campaigns/presets/{preset.Id()}/preview", new { contact_id = contact.Id() })).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Dear Ann", viaCampaign.Str("text"));
        Assert.True(JsonNode.DeepEquals(viaCampaign, direct));

        await (await api.Admin.Post($"/api/campaigns/presets/{preset.Id()}/preview", new { })).ExpectValidationProblem("contact_id");
        var (_, other) = await api.NewOrganization();
        var theirs = await other.CreateContact();
        await (await api.Admin.Post($"/api/campaigns/presets/{preset.Id()}/preview", new { contact_id = theirs.Id() })).ExpectValidationProblem("contact_id");
        Assert.Empty(await api.Admin.AuditRows($"resource_id={preset.Id()}&action=post"));
    }

    [Fact]
    public async Task Step_changes_are_audited_and_need_write_permission()
    {
        var campaign = await api.Admin.CreateOutreach();
        var template = await api.Admin.CreateTemplate(campaign.Id());
        var step = await api.Admin.CreateStep(campaign.Id(), template.Id());
        await (await api.Admin.Patch($"/api/campaigns/{campaign.Id()}/steps/{step.Id()}", new { delay_hours = -1 })).ExpectValidationProblem("delay_hours");
        await (await api.Admin.Delete($"/api/campaigns/{campaign.Id()}/steps/{step.Id()}")).Expect(HttpStatusCode.NoContent);

        var audit = await api.Admin.AuditRows($"resource_id={step.Id()}");
        Assert.Equal(["outreach_step.delete", "outreach_step.update", "outreach_step.create"], audit.Select(r => r.Str("action")));
        Assert.Equal(["succeeded", "rejected", "succeeded"], audit.Select(r => r.Str("outcome")));

        var reader = api.Client((await api.KeyFor("read_only")).Secret);
        await (await reader.Get($"/api/campaigns/{campaign.Id()}/templates")).ExpectJson(HttpStatusCode.OK);
        await (await reader.Post($"/api/campaigns/{campaign.Id()}/templates", new { name = "T", content = "x" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await reader.Post($"/api/campaigns/{campaign.Id()}/steps", new { template_id = template.Id() })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await reader.Post("/api/campaigns/presets", new { name = "T", content = "x" })).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Presets_are_listed_with_keyset_paging_and_audited()
    {
        var (_, admin) = await api.NewOrganization();
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await admin.CreatePreset($"P{i} {{{{contact.first_name}}}}")).Str("id"));
        }

        var listed = await admin.All("/api/campaigns/presets");
        Assert.Equal(created, listed.IdsOf());
        Assert.All(listed, p => Assert.Null(p["campaign_id"]));

        var page = await (await admin.Get("/api/campaigns/presets?limit=2")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(2, page["items"]!.AsArray().Count);
        var rest = await (await admin.Get($"/api/campaigns/presets?limit=2&cursor={page.Str("next_cursor")}")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(created, page.Ids().Concat(rest.Ids()));
        Assert.Null(rest["next_cursor"]);
        await (await admin.Get("/api/campaigns/presets?limit=0")).ExpectValidationProblem("limit");

        var audit = await admin.AuditRows($"resource_id={created[0]}");
        Assert.Equal("outreach_preset.create", Assert.Single(audit).Str("action"));
    }
}
