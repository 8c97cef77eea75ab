using Campaigns.Influencer;
using Campaigns.Infrastructure;

namespace Campaigns.Campaigns;

/// <summary>Rules for creating and changing a campaign's fields that depend on its current state.</summary>
public static class CampaignEditing
{
    public static void Initialize(CampaignState state, Guid organizationId, CampaignDraft draft, DateTimeOffset now)
    {
        state.OrganizationId = organizationId;
        state.Name = draft.Name;
        state.Description = draft.Description;
        state.Kind = draft.Kind;
        state.Status = CampaignStatus.Draft;
        state.Budget = draft.Budget;
        state.CurrentBudget = draft.Budget;
        state.Currency = draft.Currency;
        state.Goals = [.. draft.Goals];
        state.Platforms = [.. draft.Platforms];
        state.StartDate = draft.StartDate;
        state.EndDate = draft.EndDate;
        state.Influencer = draft.Kind == CampaignKind.Influencer ? draft.Influencer ?? InfluencerBrief.Empty : null;
        state.Marketing = draft.Kind == CampaignKind.Marketing && draft.Marketing is { IsEmpty: false } marketing ? marketing : null;
        state.ContentJson = draft.Kind == CampaignKind.Marketing ? draft.ContentJson : null;
        state.ContentSource = state.ContentJson is null ? null : "api";
        state.Outreach = draft.Kind == CampaignKind.Outreach ? draft.Outreach ?? Outreach.OutreachBrief.Empty : null;
        state.DuplicatedFrom = draft.DuplicatedFrom;
        state.CreatedAt = now;
        state.UpdatedAt = now;
        state.Version = 1;
    }

    /// <summary>Checks the merged result first and changes nothing when any field is refused.</summary>
    public static IReadOnlyDictionary<string, string[]>? Apply(CampaignState state, CampaignChanges changes, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var spent = state.Budget - state.CurrentBudget;
        var budget = changes.Budget ?? state.Budget;
        var startDate = changes.ClearStartDate ? null : changes.StartDate ?? state.StartDate;
        var endDate = changes.ClearEndDate ? null : changes.EndDate ?? state.EndDate;

        if (budget < spent)
        {
            errors["budget"] = [$"Budget cannot be lower than what is already spent ({spent})."];
        }

        if (startDate is { } s && endDate is { } e && e < s)
        {
            errors[changes.EndDate is null && !changes.ClearEndDate ? "start_date" : "end_date"] =
                ["end_date must be on or after start_date."];
        }

        if (changes.Currency is { } currency && currency != state.Currency && spent > 0)
        {
            errors["currency"] = ["Currency cannot change once money has been spent."];
        }

        if (changes.Influencer is not null && state.Kind != CampaignKind.Influencer)
        {
            errors["kind"] = [$"Only influencer campaigns have audience_size, target_location, target_audience and tracking_config; this one is '{DbNames.Of(state.Kind)}'."];
        }

        if (state.Kind != CampaignKind.Marketing)
        {
            var kind = DbNames.Of(state.Kind);
            foreach (var field in changes.Marketing?.Fields() ?? [])
            {
                errors[field] = [$"Only marketing campaigns have {field}; this one is '{kind}'."];
            }

            if (changes.ContentJson is not null || changes.ClearContent)
            {
                errors["content"] = [$"Only marketing campaigns have content; this one is '{kind}'."];
            }
        }

        var outreach = OutreachAfter(state, changes, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        state.Name = changes.Name ?? state.Name;
        state.Description = changes.Description is { } description ? NullIfEmpty(description) : state.Description;
        state.CurrentBudget = budget - spent;
        state.Budget = budget;
        state.Currency = changes.Currency ?? state.Currency;
        state.Goals = changes.Goals is { } goals ? [.. goals] : state.Goals;
        state.Platforms = changes.Platforms is { } platforms ? [.. platforms] : state.Platforms;
        state.StartDate = startDate;
        state.EndDate = endDate;
        if (changes.Influencer is { } influencer)
        {
            state.Influencer = influencer.ApplyTo(state.Influencer ?? InfluencerBrief.Empty);
        }

        if (changes.Marketing is { } marketing)
        {
            var brief = marketing.ApplyTo(state.Marketing ?? MarketingBrief.Empty);
            state.Marketing = brief.IsEmpty ? null : brief;
        }

        if (changes.ContentJson is not null || changes.ClearContent)
        {
            state.ContentJson = changes.ClearContent ? null : changes.ContentJson;
            state.ContentSource = state.ContentJson is null ? null : "api";
        }

        state.Outreach = outreach;
        state.UpdatedAt = now;
        state.Version++;
        return null;
    }

    /// <summary>The outreach section after <paramref name="changes"/>: refused on other kinds, and checked as a whole.</summary>
    public static Outreach.OutreachBrief? OutreachAfter(CampaignState state, CampaignChanges changes, Dictionary<string, string[]> errors)
    {
        if (changes.Outreach is not { } outreach)
        {
            return state.Outreach;
        }

        if (state.Kind != CampaignKind.Outreach)
        {
            foreach (var field in outreach.Fields())
            {
                errors[field] = [$"Only outreach campaigns have {field}; this one is '{DbNames.Of(state.Kind)}'."];
            }

            return state.Outreach;
        }

        var brief = outreach.ApplyTo(state.Outreach ?? Outreach.OutreachBrief.Empty);
        foreach (var (field, messages) in Outreach.OutreachBriefRules.Check(brief))
        {
            errors[field] = messages;
        }

        return brief;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    public static void Enter(CampaignState state, CampaignStatus next, CampaignTransitionRequest request, DateTimeOffset now)
    {
        switch (next)
        {
            case CampaignStatus.Scheduled:
                state.ScheduledFor = request.ScheduledFor;
                break;
            case CampaignStatus.Active when state.StartedAt is null:
                state.StartedAt = now;
                break;
            case CampaignStatus.Completed or CampaignStatus.Cancelled:
                state.CompletedAt = now;
                break;
        }

        state.Status = next;
        // A reason describes the pause the campaign gave itself; any later status change ends it.
        state.PauseReason = null;
        state.UpdatedAt = now;
        state.Version++;
    }
}
