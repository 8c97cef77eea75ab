
namespace Campaigns.Crm;

/// <summary>A contact in a pipeline at a stage; at most one per contact and pipeline.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.LeadView")]
public sealed record LeadView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ContactId,
    [property: Id(2)] Guid PipelineId,
    [property: Id(3)] Guid StageId,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt);

[GenerateSerializer, Immutable, Alias("campaigns.LeadDraft")]
public sealed record LeadDraft(
    [property: Id(0)] Guid ContactId,
    [property: Id(1)] Guid PipelineId,
    [property: Id(2)] Guid StageId);

[GenerateSerializer, Immutable, Alias("campaigns.LeadQuery")]
public sealed record LeadQuery(
    [property: Id(0)] Guid? PipelineId,
    [property: Id(1)] Guid? StageId,
    [property: Id(2)] Guid? ContactId,
    [property: Id(3)] int Limit,
    [property: Id(4)] Guid? After);
