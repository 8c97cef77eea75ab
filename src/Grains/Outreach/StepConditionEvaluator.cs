using System.Globalization;

namespace Campaigns.Outreach;

/// <summary>
/// Whether a step is sent to a participant (docs/domain/outreach.md#step-conditions). Every group present must hold (AND); so must every contact rule.
/// </summary>
/// <remarks>
/// Text comparisons (<c>equals</c>, <c>not_equals</c>, <c>contains</c>) are case-insensitive (ordinal, culture-free) and
/// ignore surrounding whitespace; a missing field compares as empty text. <c>empty</c> means null, empty or whitespace.
/// A field or operator this class does not know fails the rule (the API refuses them at save time, so only a rule
/// written by a newer version could reach here, and not sending is the safe reading).
/// </remarks>
public static class StepConditionEvaluator
{
    public static readonly IReadOnlyList<string> Fields = ["first_name", "last_name", "email", "phone", "telegram_id", "company_name"];

    public static readonly IReadOnlyList<string> Operators = ["equals", "not_equals", "contains", "empty", "not_empty"];

    /// <summary>Operators that compare with the rule's value (the others ignore it).</summary>
    public static bool NeedsValue(string op) => op is "equals" or "not_equals" or "contains";

    public static bool ShouldSend(StepConditions c, ParticipantFacts facts)
    {
        if (c.StopIfReplied && facts.Replied)
        {
            return false;
        }

        foreach (var rule in c.Contact)
        {
            if (!Holds(rule, facts.Contact))
            {
                return false;
            }
        }

        if (c.InPipelineStage is { } inStage && !IsAt(inStage, facts))
        {
            // Not in the pipeline at all also lands here: do not send (docs/domain/outreach.md#step-conditions).
            return false;
        }

        if (c.NotInPipelineStage is { } notInStage && IsAt(notInStage, facts))
        {
            return false;
        }

        return true;
    }

    public static bool Holds(ContactRule rule, ContactFacts contact)
    {
        if (!TryRead(contact, rule.Field, out var raw))
        {
            return false;
        }

        var actual = raw?.Trim() ?? "";
        var expected = rule.Value?.Trim() ?? "";
        return rule.Op switch
        {
            "equals" => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
            "not_equals" => !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
            "contains" => actual.Contains(expected, StringComparison.OrdinalIgnoreCase),
            "empty" => actual.Length == 0,
            "not_empty" => actual.Length > 0,
            _ => false,
        };
    }

    private static bool IsAt(StageRule rule, ParticipantFacts facts) =>
        facts.StageByPipeline.TryGetValue(rule.PipelineId, out var stage) && rule.StageIds.Contains(stage);

    private static bool TryRead(ContactFacts contact, string field, out string? value)
    {
        (var known, value) = field switch
        {
            "first_name" => (true, contact.FirstName),
            "last_name" => (true, contact.LastName),
            "email" => (true, contact.Email),
            "phone" => (true, contact.Phone),
            "telegram_id" => (true, contact.TelegramId?.ToString(CultureInfo.InvariantCulture)),
            "company_name" => (true, contact.CompanyName),
            _ => (false, null),
        };
        return known;
    }
}
