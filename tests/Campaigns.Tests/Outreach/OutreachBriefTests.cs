using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Campaigns;
using Campaigns.Outreach;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Campaigns.Tests.Outreach;

public sealed class OutreachBriefTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly OutreachBrief Brief = new(
        new OutreachSchedule("Europe/Berlin", new TimeOnly(9, 0), new TimeOnly(17, 30), [DayOfWeek.Monday, DayOfWeek.Sunday]),
        new OutreachAudience(true, Guid.NewGuid(), null, 500, true, [Guid.NewGuid()], null, 45),
        new LeadCreationSettings(LeadTrigger.OnReply, Guid.NewGuid()),
        Guid.NewGuid(),
        10);

    [Fact]
    public void Changes_merge_member_by_member()
    {
        var changed = new OutreachBriefChanges
        {
            Schedule = new OutreachScheduleChanges { WorkEnd = new TimeOnly(20, 0) },
            Audience = new OutreachAudienceChanges { ClearCompanyId = true, Limit = 10 },
            JitterMinutes = 0,
        }.ApplyTo(Brief);

        Assert.Equal(Brief.Schedule! with { WorkEnd = new TimeOnly(20, 0) }, changed.Schedule);
        Assert.Null(changed.Audience.CompanyId);
        Assert.Equal(10, changed.Audience.Limit);
        Assert.Equal(Brief.Audience.ContactIds, changed.Audience.ContactIds);
        Assert.Equal(Brief.LeadCreation, changed.LeadCreation);
        Assert.Equal(0, changed.JitterMinutes);
    }

    [Fact]
    public void A_new_schedule_starts_as_utc_all_day_every_day()
    {
        var changed = new OutreachBriefChanges { Schedule = new OutreachScheduleChanges { TimeZone = "Asia/Tokyo" } }.ApplyTo(OutreachBrief.Empty);
        Assert.Equal(("Asia/Tokyo", TimeOnly.MinValue, TimeOnly.MinValue, 7), (changed.Schedule!.TimeZone, changed.Schedule.WorkStart, changed.Schedule.WorkEnd, changed.Schedule.DaysOfWeek.Count));
    }

    [Fact]
    public void Touched_fields_are_named_for_refusals()
    {
        var changes = new OutreachBriefChanges { ClearSchedule = true, PipelineId = Guid.NewGuid(), JitterMinutes = 3 };
        Assert.Equal(["schedule", "pipeline_id", "jitter_minutes"], changes.Fields());
    }

    [Fact]
    public void Lead_creation_without_a_pipeline_is_refused()
    {
        Assert.Empty(OutreachBriefRules.Check(Brief));
        Assert.Equal(["lead_creation_settings"], OutreachBriefRules.Check(Brief with { PipelineId = null }).Keys);
    }

    [Fact]
    public void An_outreach_campaign_view_survives_orleans_serialization()
    {
        var step = new OutreachStep(Guid.NewGuid(), 2, Guid.NewGuid(), 24, StepTrigger.AfterReply,
            new StepConditions(true, [new ContactRule("email", "contains", "acme")], new StageRule(Guid.NewGuid(), [Guid.NewGuid()]), null));
        var template = new OutreachTemplate(Guid.NewGuid(), Guid.NewGuid(), "Intro", "telegram", "Hi", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var details = new OutreachDetails(Brief, [template], [step]);

        var copy = Serializer.Deserialize<OutreachDetails>(Serializer.SerializeToArray(details)) ?? throw new InvalidOperationException("Deserialized to null.");

        Assert.Equal(Brief.Schedule!.DaysOfWeek, copy.Brief.Schedule!.DaysOfWeek);
        Assert.Equal(Brief.Audience.ContactIds, copy.Brief.Audience.ContactIds);
        Assert.Equal(Brief with { Schedule = copy.Brief.Schedule, Audience = copy.Brief.Audience }, copy.Brief);
        Assert.Equal(template, Assert.Single(copy.Templates));
        Assert.Equal(step.Conditions.Contact, copy.Steps[0].Conditions.Contact);
        Assert.Equal(step.Conditions.InPipelineStage!.StageIds, copy.Steps[0].Conditions.InPipelineStage!.StageIds);
    }

    [Fact]
    public void Target_audience_is_one_json_member_from_whichever_section_exists()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var view = new CampaignView(Guid.NewGuid(), "C", null, CampaignKind.Influencer, CampaignStatus.Draft, 0, 0, "USD", [], [], null, null,
            null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, TargetAudience: "Runners");

        var influencer = JsonSerializer.SerializeToNode(view, options)!;
        Assert.Equal("Runners", influencer["target_audience"]!.GetValue<string>());
        Assert.Null(influencer["schedule"]);

        var outreach = JsonSerializer.SerializeToNode(view with { TargetAudience = null, Outreach = new OutreachDetails(Brief, [], []) }, options)!;
        Assert.Equal(45, outreach["target_audience"]!["send_delay_seconds"]!.GetValue<int>());
        Assert.True(outreach["target_audience"]!["filters"]!["has_telegram"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[0, 1]"), outreach["schedule"]!["days_of_week"]));
        Assert.Equal("17:30", outreach["schedule"]!["working_hours"]!["end"]!.GetValue<string>());
    }

    [Fact]
    public void Stored_conditions_keep_the_seed_spelling_and_read_back_equal()
    {
        var conditions = new StepConditions(true, [new ContactRule("first_name", "equals", "Ann"), new ContactRule("phone", "empty", null)],
            null, new StageRule(Guid.NewGuid(), [Guid.NewGuid(), Guid.NewGuid()]));

        var json = StepConditionsJson.Write(conditions);
        var back = StepConditionsJson.Read(json);

        Assert.Contains("\"stopIfReplied\":true", json);
        Assert.Contains("\"notInPipelineStage\":{\"pipelineId\"", json);
        Assert.DoesNotContain("inPipelineStage\"", json.Replace("notInPipelineStage\"", ""));
        Assert.Equal(conditions.Contact, back.Contact);
        Assert.Equal(conditions.NotInPipelineStage!.StageIds, back.NotInPipelineStage!.StageIds);
        Assert.Equal(StepConditions.None.Contact, StepConditionsJson.Read("{}").Contact);
    }
}
