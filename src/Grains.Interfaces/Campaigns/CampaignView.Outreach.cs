using System.Text.Json.Serialization;
using Campaigns.Outreach;

namespace Campaigns.Campaigns;

/// <summary>
/// The outreach members of a campaign's JSON, written only for outreach campaigns. <c>target_audience</c> is one member
/// written from whichever section exists: the influencer brief's free text, or the outreach audience object.
/// </summary>
public sealed partial record CampaignView
{
    [JsonPropertyName("target_audience"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object? TargetAudienceMember => Outreach is { } o ? OutreachJson.Audience(o.Brief.Audience) : TargetAudience;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleJson? Schedule => Outreach?.Brief.Schedule is { } s ? OutreachJson.Schedule(s) : null;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LeadCreationSettings? LeadCreationSettings => Outreach?.Brief.LeadCreation;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? PipelineId => Outreach?.Brief.PipelineId;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? JitterMinutes => Outreach?.Brief.JitterMinutes;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OutreachTemplate>? Templates => Outreach?.Templates;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StepJson>? Steps => Outreach?.Steps.Select(OutreachJson.Step).ToList();
}
