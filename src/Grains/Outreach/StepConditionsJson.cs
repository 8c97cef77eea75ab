using System.Text.Json;

namespace Campaigns.Outreach;

/// <summary>Step conditions to and from their stored JSON, camelCase as in the API (docs/domain/outreach.md#step-conditions).</summary>
public static class StepConditionsJson
{
    public static string Write(StepConditions conditions) => JsonSerializer.Serialize(OutreachJson.Conditions(conditions));

    public static StepConditions Read(string json)
    {
        var stored = JsonSerializer.Deserialize<ConditionsJson>(json);
        return stored is null
            ? StepConditions.None
            : new StepConditions(
                stored.StopIfReplied,
                (stored.Contact ?? []).Select(r => new ContactRule(r.Field, r.Op, r.Value)).ToList(),
                stored.InPipelineStage is { } i ? new StageRule(i.PipelineId, i.StageIds ?? []) : null,
                stored.NotInPipelineStage is { } n ? new StageRule(n.PipelineId, n.StageIds ?? []) : null);
    }
}
