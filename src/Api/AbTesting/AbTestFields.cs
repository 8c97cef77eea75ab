using System.Text.Json;
using Campaigns.AbTesting;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;

namespace Campaigns.Api.AbTesting;

/// <summary>Validation of A/B test fields, naming the field at fault (<c>variants[1].weight</c>).</summary>
public static class AbTestFields
{
    public const int NameMaxLength = 200;
    public const int VariantNameMaxLength = 100;

    public static string? Name(string field, string? value, int maxLength, FieldErrors errors) =>
        FieldRules.RequiredName(value, errors, field, NameRule.Named(field, maxLength));

    public static AbMetric Metric(string? value, FieldErrors errors)
    {
        switch (value)
        {
            case null or "conversion_rate":
                return AbMetric.ConversionRate;
            case "click_through_rate":
                return AbMetric.ClickThroughRate;
            default:
                errors.Add("primary_metric", "primary_metric must be conversion_rate or click_through_rate.");
                return AbMetric.ConversionRate;
        }
    }

    public static List<AbVariantDraft> Variants(List<AbVariantRequest?>? variants, FieldErrors errors)
    {
        if (variants is not { Count: >= 2 and <= CreateAbTestRequest.MaxVariants })
        {
            errors.Add("variants", $"variants must list 2 to {CreateAbTestRequest.MaxVariants} variants.");
            return [];
        }

        var drafts = new List<AbVariantDraft>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < variants.Count; i++)
        {
            var field = $"variants[{i}]";
            if (variants[i] is not { } v)
            {
                errors.Add(field, "Expected a variant object.");
                continue;
            }

            var name = Name($"{field}.name", v.Name, VariantNameMaxLength, errors);
            if (name is not null && !names.Add(name))
            {
                errors.Add($"{field}.name", $"Another variant is already named '{name}'; names must be unique.");
            }

            if (v.Content is not { ValueKind: JsonValueKind.Object } content)
            {
                errors.Add($"{field}.content", "content is required: a JSON object (the variant's message per platform).");
            }

            var weight = v.Weight ?? 1;
            if (!(weight > 0 && double.IsFinite(weight)))
            {
                errors.Add($"{field}.weight", "weight must be a positive number (its share of traffic relative to the others').");
            }

            if (name is not null && v.Content is { ValueKind: JsonValueKind.Object } c)
            {
                drafts.Add(new AbVariantDraft(name, v.IsControl ?? false, c.GetRawText(), weight));
            }
        }

        var controls = variants.Count(v => v?.IsControl == true);
        if (controls != 1)
        {
            errors.Add("variants", $"Exactly one variant must have is_control = true; {controls} do.");
        }

        return drafts;
    }
}
