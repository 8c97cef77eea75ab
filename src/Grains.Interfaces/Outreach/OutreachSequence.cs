
namespace Campaigns.Outreach;

[GenerateSerializer, Alias("campaigns.StepTrigger")]
public enum StepTrigger
{
    /// <summary><c>delay_hours</c> after the previous send (the first step: after start).</summary>
    Delay = 0,

    /// <summary><c>delay_hours</c> after the contact's reply; only reached once the contact replied.</summary>
    AfterReply = 1,
}

/// <summary>One step of a campaign's sequence (seed table campaign_sequences).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachStep")]
public sealed record OutreachStep(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int OrderIndex,
    [property: Id(2)] Guid TemplateId,
    [property: Id(3)] int DelayHours,
    [property: Id(4)] StepTrigger Trigger,
    [property: Id(5)] StepConditions Conditions);

/// <summary>Seed §3.5: when a step is sent. Every group present must hold (AND); a step whose conditions fail is skipped.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.StepConditions")]
public sealed record StepConditions(
    [property: Id(0)] bool StopIfReplied,
    [property: Id(1)] IReadOnlyList<ContactRule> Contact,
    [property: Id(2)] StageRule? InPipelineStage,
    [property: Id(3)] StageRule? NotInPipelineStage)
{
    public static readonly StepConditions None = new(false, [], null, null);
}

/// <param name="Field">One of first_name, last_name, email, phone, telegram_id, company_name.</param>
/// <param name="Op">One of equals, not_equals, contains, empty, not_empty.</param>
[GenerateSerializer, Immutable, Alias("campaigns.ContactRule")]
public sealed record ContactRule(
    [property: Id(0)] string Field,
    [property: Id(1)] string Op,
    [property: Id(2)] string? Value);

[GenerateSerializer, Immutable, Alias("campaigns.StageRule")]
public sealed record StageRule(
    [property: Id(0)] Guid PipelineId,
    [property: Id(1)] IReadOnlyList<Guid> StageIds);

/// <summary>A message template: a campaign's own, or an organization preset when <paramref name="CampaignId"/> is null.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachTemplate")]
public sealed record OutreachTemplate(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid? CampaignId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Channel,
    [property: Id(4)] string Content,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);
