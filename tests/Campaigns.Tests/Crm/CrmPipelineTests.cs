using System.Net;
using System.Text.Json.Nodes;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Audit;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Templates;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Crm;

/// <summary>/api/pipelines with ordered stages, /api/pipeline/leads (seed 001), and /api/companies.</summary>
public sealed class CrmPipelineTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Pipeline_is_created_with_stages_in_order()
    {
        var response = await api.Admin.Post("/api/pipelines", new { name = " Sales ", stages = new[] { new { name = "Lead" }, new { name = "Qualified" } } });

        var pipeline = await response.ExpectJson(HttpStatusCode.Created);
        Assert.Equal($"/api/pipelines/{pipeline.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Sales", pipeline.Str("name"));
        Assert.Equal(["Lead", "Qualified"], pipeline["stages"]!.AsArray().Select(s => s!.Str("name")));
        Assert.Equal([0, 1], pipeline["stages"]!.AsArray().Select(s => s!["position"]!.GetValue<int>()));
        Assert.True(JsonNode.DeepEquals(pipeline, await (await api.Admin.Get($"/api/pipelines/{pipeline.Id()}")).ExpectJson(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task Invalid_pipelines_name_each_field()
    {
        await (await api.Admin.Post("/api/pipelines", new { name = "", stages = Array.Empty<object>() })).ExpectValidationProblem("name", "stages");
        await (await api.Admin.Post("/api/pipelines", new { name = "P", stages = new[] { new { name = "A" }, new { name = "a" } } }))
            .ExpectValidationProblem("stages[1].name");
        await (await api.Admin.Post("/api/pipelines", new { name = "P", stages = new object[] { new { id = Guid.NewGuid(), name = "A" } } }))
            .ExpectValidationProblem("stages[0].id");
    }

    [Fact]
    public async Task Patch_keeps_stage_ids_reorders_by_array_order_adds_and_removes()
    {
        var pipeline = await api.Admin.CreatePipeline("Lead", "Qualified", "Won");
        var (lead, qualified, won) = (pipeline.StageId(0), pipeline.StageId(1), pipeline.StageId(2));

        var patched = await (await api.Admin.Patch($"/api/pipelines/{pipeline.Id()}", new
        {
            name = "Renamed",
            stages = new object[] { new { id = won, name = "Closed won" }, new { name = "Proposal" }, new { id = lead, name = "Lead" } },
        })).ExpectJson(HttpStatusCode.OK);

        Assert.Equal("Renamed", patched.Str("name"));
        var stages = patched["stages"]!.AsArray();
        Assert.Equal(["Closed won", "Proposal", "Lead"], stages.Select(s => s!.Str("name")));
        Assert.Equal(won, stages[0]!.Id());
        Assert.Equal(lead, stages[2]!.Id());
        Assert.DoesNotContain(qualified, stages.Select(s => s!.Id()));

        var foreign = (await api.Admin.CreatePipeline()).StageId(0);
        await (await api.Admin.Patch($"/api/pipelines/{pipeline.Id()}", new { stages = new object[] { new { id = foreign, name = "Stolen" } } }))
            .ExpectValidationProblem("stages[0].id");
    }

    [Fact]
    public async Task A_stage_holding_leads_cannot_be_removed_nor_its_pipeline_deleted()
    {
        var pipeline = await api.Admin.CreatePipeline("Lead", "Won");
        var contact = await api.Admin.CreateContact();
        var lead = await (await api.Admin.PostLead(contact.Id(), pipeline.Id(), pipeline.StageId(1))).ExpectJson(HttpStatusCode.Created);

        var refused = await (await api.Admin.Patch($"/api/pipelines/{pipeline.Id()}", new { name = "Changed", stages = new[] { new { id = pipeline.StageId(0), name = "Lead" } } }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.NotNull(refused["errors"]!["stages"]);
        await (await api.Admin.Delete($"/api/pipelines/{pipeline.Id()}")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.True(JsonNode.DeepEquals(pipeline, await (await api.Admin.Get($"/api/pipelines/{pipeline.Id()}")).ExpectJson(HttpStatusCode.OK)));

        await (await api.Admin.Delete($"/api/pipeline/leads/{lead.Id()}")).Expect(HttpStatusCode.NoContent);
        await (await api.Admin.Patch($"/api/pipelines/{pipeline.Id()}", new { stages = new[] { new { id = pipeline.StageId(0), name = "Lead" } } }))
            .Expect(HttpStatusCode.OK);
        await (await api.Admin.Delete($"/api/pipelines/{pipeline.Id()}")).Expect(HttpStatusCode.NoContent);
        await (await api.Admin.Get($"/api/pipelines/{pipeline.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lead_creation_is_idempotent_per_contact_and_pipeline()
    {
        var pipeline = await api.Admin.CreatePipeline();
        var contact = await api.Admin.CreateContact();

        var created = await api.Admin.PostLead(contact.Id(), pipeline.Id(), pipeline.StageId(0));
        var lead = await created.ExpectJson(HttpStatusCode.Created);
        Assert.Equal($"/api/pipeline/leads/{lead.Id()}", created.Headers.Location?.OriginalString);
        Assert.Equal(contact.Str("id"), lead.Str("contact_id"));
        Assert.Equal(pipeline.StageId(0).ToString(), lead.Str("stage_id"));

        var repeat = await (await api.Admin.PostLead(contact.Id(), pipeline.Id(), pipeline.StageId(1))).ExpectJson(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(lead, repeat));

        var other = await api.Admin.CreatePipeline();
        await (await api.Admin.PostLead(contact.Id(), other.Id(), other.StageId(0))).Expect(HttpStatusCode.Created);
        Assert.Equal(2, (await api.Admin.All("/api/pipeline/leads", $"&contact_id={contact.Id()}")).Count);
    }

    [Fact]
    public async Task Lead_references_must_exist_and_the_stage_belong_to_the_pipeline()
    {
        var pipeline = await api.Admin.CreatePipeline();
        var other = await api.Admin.CreatePipeline();
        var contact = await api.Admin.CreateContact();

        await (await api.Admin.PostLead(contact.Id(), pipeline.Id(), other.StageId(0))).ExpectValidationProblem("stage_id");
        await (await api.Admin.PostLead(Guid.NewGuid(), pipeline.Id(), pipeline.StageId(0))).ExpectValidationProblem("contact_id");
        await (await api.Admin.PostLead(contact.Id(), Guid.NewGuid(), pipeline.StageId(0))).ExpectValidationProblem("pipeline_id");
        await (await api.Admin.Post("/api/pipeline/leads", new { })).ExpectValidationProblem("contact_id", "pipeline_id", "stage_id");

        var lead = await (await api.Admin.PostLead(contact.Id(), pipeline.Id(), pipeline.StageId(0))).ExpectJson(HttpStatusCode.Created);
        await (await api.Admin.Patch($"/api/pipeline/leads/{lead.Id()}", new { stage_id = other.StageId(1) })).ExpectValidationProblem("stage_id");
        var moved = await (await api.Admin.Patch($"/api/pipeline/leads/{lead.Id()}", new { stage_id = pipeline.StageId(2) })).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(pipeline.StageId(2).ToString(), moved.Str("stage_id"));
    }

    [Fact]
    public async Task Leads_list_by_pipeline_and_stage()
    {
        var pipeline = await api.Admin.CreatePipeline();
        var leads = new List<JsonNode>();
        foreach (var stage in new[] { 0, 1, 1 })
        {
            var contact = await api.Admin.CreateContact();
            leads.Add(await (await api.Admin.PostLead(contact.Id(), pipeline.Id(), pipeline.StageId(stage))).ExpectJson(HttpStatusCode.Created));
        }

        Assert.Equal(leads.IdsOf().AsEnumerable().Reverse(), (await api.Admin.All("/api/pipeline/leads", $"&pipeline_id={pipeline.Id()}")).IdsOf());
        Assert.Equal([leads[2].Str("id"), leads[1].Str("id")],
            (await api.Admin.All("/api/pipeline/leads", $"&pipeline_id={pipeline.Id()}&stage_id={pipeline.StageId(1)}")).IdsOf());
        await (await api.Admin.Get("/api/pipeline/leads?stage_id=nope")).ExpectValidationProblem("stage_id");
    }

    [Fact]
    public async Task Another_organizations_pipelines_and_leads_are_not_found_and_never_listed()
    {
        var (_, other) = await api.NewOrganization();
        using var _ = other;
        var theirs = await other.CreatePipeline();
        var theirContact = await other.CreateContact();
        var theirLead = await (await other.PostLead(theirContact.Id(), theirs.Id(), theirs.StageId(0))).ExpectJson(HttpStatusCode.Created);
        var ourContact = await api.Admin.CreateContact();

        await (await api.Admin.Get($"/api/pipelines/{theirs.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Patch($"/api/pipelines/{theirs.Id()}", new { name = "Hijacked" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Delete($"/api/pipelines/{theirs.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Get($"/api/pipeline/leads/{theirLead.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Patch($"/api/pipeline/leads/{theirLead.Id()}", new { stage_id = theirs.StageId(1) })).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.Delete($"/api/pipeline/leads/{theirLead.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        await (await api.Admin.PostLead(ourContact.Id(), theirs.Id(), theirs.StageId(0))).ExpectValidationProblem("pipeline_id");
        Assert.DoesNotContain(theirs.Str("id"), (await api.Admin.All("/api/pipelines")).IdsOf());
        Assert.Empty(await api.Admin.All("/api/pipeline/leads", $"&pipeline_id={theirs.Id()}"));
        Assert.Equal(theirLead.Str("stage_id"), (await (await other.Get($"/api/pipeline/leads/{theirLead.Id()}")).ExpectJson(HttpStatusCode.OK)).Str("stage_id"));
    }

    [Fact]
    public async Task Pipeline_and_lead_mutations_are_audited()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var pipeline = await admin.CreatePipeline();
        var contact = await admin.CreateContact();
        var lead = await (await admin.PostLead(contact.Id(), pipeline.Id(), pipeline.StageId(0))).ExpectJson(HttpStatusCode.Created);
        await (await admin.PostLead(contact.Id(), pipeline.Id(), pipeline.StageId(0))).Expect(HttpStatusCode.OK);
        await (await admin.Patch($"/api/pipeline/leads/{lead.Id()}", new { stage_id = pipeline.StageId(1) })).Expect(HttpStatusCode.OK);
        await (await admin.Delete($"/api/pipeline/leads/{lead.Id()}")).Expect(HttpStatusCode.NoContent);

        var pipelineRows = await admin.AuditRows("resource_type=pipeline");
        Assert.Equal(pipeline.Str("id"), Assert.Single(pipelineRows, r => r.Str("action") == "pipeline.create").Str("resource_id"));
        var leadRows = await admin.AuditRows("resource_type=lead");
        Assert.Equal(["lead.delete", "lead.move", "lead.create", "lead.create"], leadRows.Select(r => r.Str("action")));
        Assert.All(leadRows, r => Assert.Equal(lead.Str("id"), r.Str("resource_id")));
    }

    [Fact]
    public async Task Companies_are_created_searched_patched_and_deleted_leaving_their_contacts()
    {
        var (_, admin) = await api.NewOrganization();
        using var _ = admin;
        var acme = await (await admin.Post("/api/companies", new { name = "Acme Corp", domain = "ACME.example" })).ExpectJson(HttpStatusCode.Created);
        var globex = await admin.CreateCompany("Globex");
        var contact = await admin.CreateContact(new { first_name = "Employee", company_id = acme.Id() });
        Assert.Equal("acme.example", acme.Str("domain"));

        Assert.Equal([globex.Str("id"), acme.Str("id")], (await admin.All("/api/companies")).IdsOf());
        Assert.Equal([acme.Str("id")], (await admin.All("/api/companies", "&q=acme.ex")).IdsOf());
        var patched = await (await admin.Patch($"/api/companies/{acme.Id()}", new { name = "Acme Inc", domain = (string?)null })).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Acme Inc", patched.Str("name"));
        Assert.Null(patched["domain"]);
        await (await admin.Post("/api/companies", new { name = " " })).ExpectValidationProblem("name");
        await (await admin.Patch($"/api/companies/{acme.Id()}", new { name = (string?)null, size = 3 })).ExpectValidationProblem("name", "size");

        await (await admin.Delete($"/api/companies/{acme.Id()}")).Expect(HttpStatusCode.NoContent);
        await (await admin.Get($"/api/companies/{acme.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Null((await (await admin.Get($"/api/contacts/{contact.Id()}")).ExpectJson(HttpStatusCode.OK))["company_id"]);
        await (await api.Admin.Get($"/api/companies/{globex.Id()}")).ExpectProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(globex.Str("id"), (await api.Admin.All("/api/companies")).IdsOf());
        Assert.Equal(["company.delete", "company.update", "company.create", "company.update", "company.create", "company.create"],
            (await admin.AuditRows("resource_type=company")).Select(r => r.Str("action")));
    }
}
