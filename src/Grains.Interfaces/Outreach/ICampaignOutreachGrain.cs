using Campaigns.Campaigns;
using Campaigns.Infrastructure;

namespace Campaigns.Outreach;

/// <summary>
/// An outreach campaign's templates, sequence and picked audience. Implemented by the campaign grain itself, so every
/// edit is serialized with the campaign's lifecycle: nothing changes under a campaign while it launches or runs.
/// </summary>
/// <remarks>
/// Templates and steps can be edited while the campaign is draft, scheduled or paused; an active, completed or
/// cancelled campaign answers Conflict, and a campaign of another kind Invalid.
/// </remarks>
[Alias("campaigns.ICampaignOutreachGrain")]
public interface ICampaignOutreachGrain : IGrainWithGuidKey
{
    [Alias("ListTemplates")] Task<OutreachResult<IReadOnlyList<OutreachTemplate>>> ListTemplates(Guid organizationId);
    [Alias("CreateTemplate")] Task<OutreachResult<OutreachTemplate>> CreateTemplate(Guid organizationId, Guid templateId, TemplateDraft draft);
    [Alias("UpdateTemplate")] Task<OutreachResult<OutreachTemplate>> UpdateTemplate(Guid organizationId, Guid templateId, TemplateChanges changes);
    [Alias("DeleteTemplate")] Task<OutreachResult<OutreachTemplate>> DeleteTemplate(Guid organizationId, Guid templateId);

    /// <summary>Renders one of the campaign's templates, or an organization preset, for one contact.</summary>
    [Alias("PreviewTemplate")] Task<OutreachResult<TemplatePreview>> PreviewTemplate(Guid organizationId, Guid templateId, Guid contactId);

    [Alias("ListSteps")] Task<OutreachResult<IReadOnlyList<OutreachStep>>> ListSteps(Guid organizationId);
    [Alias("CreateStep")] Task<OutreachResult<OutreachStep>> CreateStep(Guid organizationId, Guid stepId, StepDraft draft);
    [Alias("UpdateStep")] Task<OutreachResult<OutreachStep>> UpdateStep(Guid organizationId, Guid stepId, StepChanges changes);
    [Alias("DeleteStep")] Task<OutreachResult<OutreachStep>> DeleteStep(Guid organizationId, Guid stepId);

    /// <summary>
    /// Finds or creates the rows' contacts (one transaction) and adds their ids, without duplicates, to the campaign's
    /// <c>target_audience.contact_ids</c>. Only while the campaign is draft, scheduled or paused.
    /// </summary>
    [Alias("ImportAudience")] Task<OutreachResult<AudienceImport>> ImportAudience(Guid organizationId, IReadOnlyList<AudienceRow> rows);
}

/// <summary>The answer to an outreach command: the value on success, otherwise why not (<see cref="Errors"/> names fields).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.OutreachResult`1")]
public sealed record OutreachResult<T>(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] T? Value = default,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static OutreachResult<T> Ok(T value) => new(CommandOutcome.Ok, value);
    public static OutreachResult<T> NotFound(string message) => new(CommandOutcome.NotFound, Message: message);
    public static OutreachResult<T> Conflict(string message) => new(CommandOutcome.Conflict, Message: message);

    public static OutreachResult<T> Invalid(string field, string message) =>
        new(CommandOutcome.Invalid, Message: message, Errors: new Dictionary<string, string[]> { [field] = [message] });

    public static OutreachResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CommandOutcome.Invalid, Message: "One or more fields are invalid.", Errors: errors);

    /// <summary>The same refusal for another value type.</summary>
    public OutreachResult<TOther> As<TOther>() => new(Outcome, default, Message, Errors);
}

/// <summary>A new template or preset, validated at the edge (name, content within Telegram's limit, known placeholders).</summary>
[GenerateSerializer, Immutable, Alias("campaigns.TemplateDraft")]
public sealed record TemplateDraft([property: Id(0)] string Name, [property: Id(1)] string Channel, [property: Id(2)] string Content);

[GenerateSerializer, Immutable, Alias("campaigns.TemplateChanges")]
public sealed record TemplateChanges([property: Id(0)] string? Name, [property: Id(1)] string? Content);

/// <param name="Text">The template rendered for the contact.</param>
/// <param name="Placeholders">The placeholders the template uses, in canonical spelling.</param>
[GenerateSerializer, Immutable, Alias("campaigns.TemplatePreview")]
public sealed record TemplatePreview(
    [property: Id(0)] Guid TemplateId,
    [property: Id(1)] Guid ContactId,
    [property: Id(2)] string Text,
    [property: Id(3)] IReadOnlyList<string> Placeholders);

/// <param name="OrderIndex">The step's place; null appends after the last step.</param>
[GenerateSerializer, Immutable, Alias("campaigns.StepDraft")]
public sealed record StepDraft(
    [property: Id(0)] int? OrderIndex,
    [property: Id(1)] Guid TemplateId,
    [property: Id(2)] int DelayHours,
    [property: Id(3)] StepTrigger Trigger,
    [property: Id(4)] StepConditions Conditions);

/// <summary>A partial update of a step: a null member is unchanged; conditions are replaced whole.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.StepChanges")]
public sealed record StepChanges
{
    [Id(0)] public int? OrderIndex { get; init; }
    [Id(1)] public Guid? TemplateId { get; init; }
    [Id(2)] public int? DelayHours { get; init; }
    [Id(3)] public StepTrigger? Trigger { get; init; }
    [Id(4)] public StepConditions? Conditions { get; init; }
}

/// <summary>One good CSV row of an audience import (bad rows never reach the grain).</summary>
/// <param name="Row">The row's number in the file, for messages.</param>
[GenerateSerializer, Immutable, Alias("campaigns.AudienceRow")]
public sealed record AudienceRow(
    [property: Id(0)] int Row,
    [property: Id(1)] string? FirstName,
    [property: Id(2)] string? LastName,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? Phone,
    [property: Id(5)] long? TelegramId,
    [property: Id(6)] string? TelegramUsername,
    [property: Id(7)] string? Company);

/// <param name="ContactIds">The rows' contacts, each once, in file order.</param>
/// <param name="Created">Contacts created by this import.</param>
/// <param name="Matched">Rows that matched an existing contact.</param>
/// <param name="Errors">Rows refused by the database checks (e.g. an e-mail another contact has), skipped.</param>
[GenerateSerializer, Immutable, Alias("campaigns.AudienceImport")]
public sealed record AudienceImport(
    [property: Id(0)] IReadOnlyList<Guid> ContactIds,
    [property: Id(1)] int Created,
    [property: Id(2)] int Matched,
    [property: Id(3)] IReadOnlyList<AudienceRowError> Errors);

[GenerateSerializer, Immutable, Alias("campaigns.AudienceRowError")]
public sealed record AudienceRowError([property: Id(0)] int Row, [property: Id(1)] string Message);
