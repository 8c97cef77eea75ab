
namespace Campaigns.Outreach;

/// <summary>Rules an outreach section must satisfy as a whole (its members are checked one by one at the API edge).</summary>
public static class OutreachBriefRules
{
    public static IReadOnlyDictionary<string, string[]> Check(OutreachBrief brief)
    {
        var errors = new Dictionary<string, string[]>();
        if (brief.LeadCreation is not null && brief.PipelineId is null)
        {
            errors["lead_creation_settings"] = ["Lead creation needs pipeline_id: the pipeline the leads are created in."];
        }

        if (brief.Schedule is { DaysOfWeek.Count: 0 })
        {
            errors["schedule.days_of_week"] = ["At least one day is required (0 = Sunday … 6 = Saturday)."];
        }

        return errors;
    }
}
