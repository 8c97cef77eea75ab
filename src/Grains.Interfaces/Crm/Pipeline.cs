
namespace Campaigns.Crm;

/// <summary>A sales pipeline and its stages in order.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.PipelineView")]
public sealed record PipelineView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<StageView> Stages,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt);

/// <summary>One stage; <see cref="Position"/> is its place in the pipeline, from 0.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.StageView")]
public sealed record StageView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Position);

/// <summary>A stage in a request: with an id it is that existing stage (renamed, moved), without it is new.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.StageDraft")]
public sealed record StageDraft(
    [property: Id(0)] Guid? Id,
    [property: Id(1)] string Name);

[GenerateSerializer, Immutable, Alias("campaigns.PipelineDraft")]
public sealed record PipelineDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<StageDraft> Stages);

/// <summary>
/// A change of a pipeline: null members are unchanged. <see cref="Stages"/>, when given, is the whole new order;
/// stages not listed are removed, which is refused while one holds leads.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.PipelineChanges")]
public sealed record PipelineChanges(
    [property: Id(0)] string? Name,
    [property: Id(1)] IReadOnlyList<StageDraft>? Stages);
