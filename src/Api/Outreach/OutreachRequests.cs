using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;
using Campaigns.Outreach;

namespace Campaigns.Api.Outreach;

/// <summary>Body of template and preset requests (create: name and content required; patch: any of them).</summary>
public sealed record OutreachTemplateRequest(string? Name, string? Channel, string? Content);

/// <summary>Body of step requests; <c>conditions</c> uses the seed's §3.5 spelling (camelCase keys).</summary>
public sealed record OutreachStepRequest(int? OrderIndex, Guid? TemplateId, int? DelayHours, string? TriggerType, JsonElement? Conditions);

/// <summary>Body of <c>POST …/templates/{templateId}/preview</c> and <c>…/presets/{id}/preview</c>.</summary>
public sealed record TemplatePreviewRequest(Guid? ContactId);

/// <summary>Parses template and step bodies, naming every refused field (paths such as <c>conditions.contact[0].op</c>).</summary>
public static class OutreachBodies
{
    public const int NameMaxLength = 200;
    public const int MaxDelayHours = 8_760;
    public const int MaxContactRules = 50;
    public const int ValueMaxLength = 500;

    public static TemplateDraft? TemplateDraft(JsonElement body, FieldErrors errors)
    {
        var changes = Template(body, errors, creating: true);
        return changes is { Name: { } name, Content: { } content } && !errors.Any ? new TemplateDraft(name, "telegram", content) : null;
    }

    public static TemplateChanges? TemplateChanges(JsonElement body, FieldErrors errors)
    {
        var changes = Template(body, errors, creating: false);
        return errors.Any ? null : changes;
    }

    private static TemplateChanges? Template(JsonElement body, FieldErrors errors, bool creating)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
            return null;
        }

        string? name = null;
        string? content = null;
        foreach (var member in body.EnumerateObject())
        {
            switch (member.Name)
            {
                case "name":
                    name = CrmFields.RequiredName(member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null, errors, "name", NameMaxLength);
                    break;
                case "channel":
                    if (member.Value.ValueKind != JsonValueKind.String || member.Value.GetString() != "telegram")
                    {
                        errors.Add("channel", "channel must be 'telegram' (the only channel so far).");
                    }

                    break;
                case "content":
                    content = Content(member.Value, errors);
                    break;
                default:
                    errors.Add(member.Name, $"Unknown field '{member.Name}'. Allowed: name, channel, content.");
                    break;
            }
        }

        if (creating)
        {
            if (!body.TryGetProperty("name", out _))
            {
                errors.Add("name", "name is required.");
            }

            if (!body.TryGetProperty("content", out _))
            {
                errors.Add("content", "content is required.");
            }
        }

        return new TemplateChanges(name, content);
    }

    private static string? Content(JsonElement value, FieldErrors errors)
    {
        var content = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(content))
        {
            errors.Add("content", "content must be non-empty text.");
            return null;
        }

        if (content.Length > OutreachTemplateRenderer.MaxLength)
        {
            errors.Add("content", $"content is {content.Length} characters; Telegram allows at most {OutreachTemplateRenderer.MaxLength} in one message.");
            return null;
        }

        var unknown = OutreachTemplateRenderer.Validate(content);
        if (unknown.Count > 0)
        {
            errors.Add("content", $"Unknown placeholder(s): {string.Join(", ", unknown.Select(u => $"{{{{{u}}}}}"))}. Known: {string.Join(", ", OutreachTemplateRenderer.Known.Select(k => $"{{{{{k}}}}}"))}.");
            return null;
        }

        return content;
    }

    public static StepDraft? StepDraft(JsonElement body, FieldErrors errors)
    {
        var changes = Step(body, errors);
        if (body.ValueKind == JsonValueKind.Object && !body.TryGetProperty("template_id", out _))
        {
            errors.Add("template_id", "template_id is required: a template of the campaign or an organization preset.");
        }

        return changes is { TemplateId: { } template } && !errors.Any
            ? new StepDraft(changes.OrderIndex, template, changes.DelayHours ?? 0, changes.Trigger ?? StepTrigger.Delay, changes.Conditions ?? StepConditions.None)
            : null;
    }

    public static StepChanges? StepChanges(JsonElement body, FieldErrors errors)
    {
        var changes = Step(body, errors);
        return errors.Any ? null : changes;
    }

    private static StepChanges? Step(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
            return null;
        }

        var changes = new StepChanges();
        foreach (var member in body.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "order_index":
                    changes = changes with { OrderIndex = OutreachFields.Integer(value, member.Name, 0, 1_000, errors) };
                    break;
                case "template_id":
                    changes = changes with { TemplateId = OutreachFields.Id(value, member.Name, errors) };
                    break;
                case "delay_hours":
                    changes = changes with { DelayHours = OutreachFields.Integer(value, member.Name, 0, MaxDelayHours, errors) };
                    break;
                case "trigger_type":
                    StepTrigger? trigger = value.ValueKind == JsonValueKind.String
                        ? value.GetString() switch { "delay" => StepTrigger.Delay, "after_reply" => StepTrigger.AfterReply, _ => null }
                        : null;
                    if (trigger is null)
                    {
                        errors.Add(member.Name, "trigger_type must be 'delay' or 'after_reply'.");
                    }

                    changes = changes with { Trigger = trigger };
                    break;
                case "conditions":
                    changes = changes with { Conditions = value.ValueKind == JsonValueKind.Null ? StepConditions.None : Conditions(value, errors) };
                    break;
                default:
                    errors.Add(member.Name, $"Unknown field '{member.Name}'. Allowed: order_index, template_id, delay_hours, trigger_type, conditions.");
                    break;
            }
        }

        return changes;
    }

    /// <summary>Seed §3.5 exactly: <c>stopIfReplied</c>, <c>contact</c>, <c>inPipelineStage</c>, <c>notInPipelineStage</c>.</summary>
    public static StepConditions? Conditions(JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("conditions", "Expected a JSON object (seed §3.5: stopIfReplied, contact, inPipelineStage, notInPipelineStage).");
            return null;
        }

        var conditions = StepConditions.None;
        foreach (var member in value.EnumerateObject())
        {
            var field = $"conditions.{member.Name}";
            switch (member.Name)
            {
                case "stopIfReplied":
                    if (member.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        conditions = conditions with { StopIfReplied = member.Value.GetBoolean() };
                    }
                    else
                    {
                        errors.Add(field, "Expected true or false.");
                    }

                    break;
                case "contact":
                    conditions = conditions with { Contact = ContactRules(member.Value, field, errors) };
                    break;
                case "inPipelineStage":
                    conditions = conditions with { InPipelineStage = StageRule(member.Value, field, errors) };
                    break;
                case "notInPipelineStage":
                    conditions = conditions with { NotInPipelineStage = StageRule(member.Value, field, errors) };
                    break;
                default:
                    errors.Add(field, $"Unknown condition '{member.Name}'. Allowed: stopIfReplied, contact, inPipelineStage, notInPipelineStage.");
                    break;
            }
        }

        return conditions;
    }

    private static IReadOnlyList<ContactRule> ContactRules(JsonElement value, string field, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, "Expected an array of rules { field, op, value }.");
            return [];
        }

        if (value.GetArrayLength() > MaxContactRules)
        {
            errors.Add(field, $"At most {MaxContactRules} rules.");
            return [];
        }

        var rules = new List<ContactRule>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Expected a rule { field, op, value }.");
                continue;
            }

            string? name = null, op = null, text = null;
            foreach (var part in item.EnumerateObject())
            {
                var partPath = $"{path}.{part.Name}";
                switch (part.Name)
                {
                    case "field":
                        name = part.Value.ValueKind == JsonValueKind.String ? part.Value.GetString() : null;
                        if (name is null || !StepConditionEvaluator.Fields.Contains(name))
                        {
                            errors.Add(partPath, $"field must be one of {string.Join(", ", StepConditionEvaluator.Fields)}.");
                            name = null;
                        }

                        break;
                    case "op":
                        op = part.Value.ValueKind == JsonValueKind.String ? part.Value.GetString() : null;
                        if (op is null || !StepConditionEvaluator.Operators.Contains(op))
                        {
                            errors.Add(partPath, $"op must be one of {string.Join(", ", StepConditionEvaluator.Operators)}.");
                            op = null;
                        }

                        break;
                    case "value":
                        if (part.Value.ValueKind == JsonValueKind.String && part.Value.GetString()!.Length <= ValueMaxLength)
                        {
                            text = part.Value.GetString();
                        }
                        else if (part.Value.ValueKind == JsonValueKind.Number)
                        {
                            // telegram_id and phone rules are often written as numbers.
                            text = part.Value.GetRawText();
                        }
                        else if (part.Value.ValueKind != JsonValueKind.Null)
                        {
                            errors.Add(partPath, $"Expected text of at most {ValueMaxLength} characters.");
                        }

                        break;
                    default:
                        errors.Add(partPath, $"Unknown key '{part.Name}'. Allowed: field, op, value.");
                        break;
                }
            }

            if (!item.TryGetProperty("field", out _))
            {
                errors.Add($"{path}.field", "field is required.");
            }

            if (!item.TryGetProperty("op", out _))
            {
                errors.Add($"{path}.op", "op is required.");
            }

            if (op is not null && StepConditionEvaluator.NeedsValue(op) && string.IsNullOrWhiteSpace(text))
            {
                errors.Add($"{path}.value", $"op '{op}' compares with a value; value is required.");
            }

            if (name is not null && op is not null)
            {
                rules.Add(new ContactRule(name, op, StepConditionEvaluator.NeedsValue(op) ? text : null));
            }
        }

        return rules;
    }

    private static StageRule? StageRule(JsonElement value, string field, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, "Expected { pipelineId, stageIds }.");
            return null;
        }

        Guid? pipeline = null;
        var stages = new List<Guid>();
        foreach (var member in value.EnumerateObject())
        {
            var path = $"{field}.{member.Name}";
            switch (member.Name)
            {
                case "pipelineId":
                    pipeline = OutreachFields.Id(member.Value, path, errors);
                    break;
                case "stageIds":
                    if (member.Value.ValueKind != JsonValueKind.Array)
                    {
                        errors.Add(path, "Expected an array of stage ids.");
                        break;
                    }

                    var index = 0;
                    foreach (var item in member.Value.EnumerateArray())
                    {
                        if (OutreachFields.Id(item, $"{path}[{index}]", errors) is { } stage && !stages.Contains(stage))
                        {
                            stages.Add(stage);
                        }

                        index++;
                    }

                    break;
                default:
                    errors.Add(path, $"Unknown key '{member.Name}'. Allowed: pipelineId, stageIds.");
                    break;
            }
        }

        if (!value.TryGetProperty("pipelineId", out _))
        {
            errors.Add($"{field}.pipelineId", "pipelineId is required.");
        }

        if (stages.Count == 0 && !errors.ToDictionary().Keys.Any(k => k.StartsWith($"{field}.stageIds", StringComparison.Ordinal)))
        {
            errors.Add($"{field}.stageIds", "At least one stage id is required.");
        }

        return pipeline is { } p ? new StageRule(p, stages) : null;
    }
}
