using System.Globalization;
using System.Text.Json.Serialization;

namespace Campaigns.Outreach;

/// <summary>
/// The API's JSON shapes of the outreach section (seed 001 spelling): built from the contracts when a response is
/// written, never stored or sent between silos.
/// </summary>
public static class OutreachJson
{
    public static ScheduleJson Schedule(OutreachSchedule s) => new(
        s.TimeZone,
        new WorkingHoursJson(Time(s.WorkStart), Time(s.WorkEnd)),
        s.DaysOfWeek.Select(d => (int)d).Order().ToList());

    public static AudienceJson Audience(OutreachAudience a) => new(
        new AudienceFiltersJson(a.HasTelegram, a.CompanyId, a.PipelineId),
        a.Limit, a.OnlyNew, a.ContactIds, a.SendingAccountId, a.SendDelaySeconds);

    public static StepJson Step(OutreachStep s) =>
        new(s.Id, s.OrderIndex, s.TemplateId, s.DelayHours, s.Trigger, Conditions(s.Conditions));

    public static ConditionsJson Conditions(StepConditions c) => new(
        c.StopIfReplied,
        c.Contact.Select(r => new ContactRuleJson(r.Field, r.Op, r.Value)).ToList(),
        c.InPipelineStage is { } i ? new StageRuleJson(i.PipelineId, i.StageIds) : null,
        c.NotInPipelineStage is { } n ? new StageRuleJson(n.PipelineId, n.StageIds) : null);

    /// <summary>"HH:mm", the format requests use.</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <param name="DaysOfWeek">0 = Sunday … 6 = Saturday (JavaScript's numbering, as the seed's TypeScript types).</param>
public sealed record ScheduleJson(string Timezone, WorkingHoursJson WorkingHours, IReadOnlyList<int> DaysOfWeek);

public sealed record WorkingHoursJson(string Start, string End);

public sealed record AudienceJson(
    AudienceFiltersJson Filters, int? Limit, bool OnlyNew, IReadOnlyList<Guid> ContactIds, Guid? BdAccountId, int SendDelaySeconds);

public sealed record AudienceFiltersJson(bool? HasTelegram, Guid? CompanyId, Guid? PipelineId);

public sealed record StepJson(Guid Id, int OrderIndex, Guid TemplateId, int DelayHours, StepTrigger TriggerType, ConditionsJson Conditions);

/// <summary>Seed §3.5 spelled exactly (camelCase keys), whatever the API's naming policy.</summary>
public sealed record ConditionsJson(
    [property: JsonPropertyName("stopIfReplied")] bool StopIfReplied,
    [property: JsonPropertyName("contact")] IReadOnlyList<ContactRuleJson> Contact,
    [property: JsonPropertyName("inPipelineStage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StageRuleJson? InPipelineStage,
    [property: JsonPropertyName("notInPipelineStage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StageRuleJson? NotInPipelineStage);

public sealed record ContactRuleJson(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("op")] string Op,
    [property: JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value);

public sealed record StageRuleJson(
    [property: JsonPropertyName("pipelineId")] Guid PipelineId,
    [property: JsonPropertyName("stageIds")] IReadOnlyList<Guid> StageIds);
