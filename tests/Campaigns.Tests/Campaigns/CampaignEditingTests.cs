using Campaigns.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Campaigns;

public sealed class CampaignEditingTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddHours(5);

    private static CampaignState NewState(long budget = 10_000, long spent = 0, DateOnly? start = null, DateOnly? end = null)
    {
        var state = new CampaignState();
        CampaignEditing.Initialize(
            state, Guid.NewGuid(),
            new CampaignDraft("Spring", "First wave", CampaignKind.Marketing, budget, "EUR", ["reach"], ["instagram"], start, end),
            Created);
        state.CurrentBudget -= spent;
        return state;
    }

    private static CampaignState Copy(CampaignState s) => new()
    {
        OrganizationId = s.OrganizationId, Name = s.Name, Description = s.Description, Kind = s.Kind, Status = s.Status,
        Budget = s.Budget, CurrentBudget = s.CurrentBudget, Currency = s.Currency, Goals = [.. s.Goals],
        Platforms = [.. s.Platforms], StartDate = s.StartDate, EndDate = s.EndDate, ScheduledFor = s.ScheduledFor,
        StartedAt = s.StartedAt, CompletedAt = s.CompletedAt, CreatedAt = s.CreatedAt, UpdatedAt = s.UpdatedAt, Version = s.Version,
    };

    private static void AssertUnchanged(CampaignState before, CampaignState after)
    {
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Description, after.Description);
        Assert.Equal(before.Budget, after.Budget);
        Assert.Equal(before.CurrentBudget, after.CurrentBudget);
        Assert.Equal(before.Currency, after.Currency);
        Assert.Equal(before.Goals, after.Goals);
        Assert.Equal(before.Platforms, after.Platforms);
        Assert.Equal(before.StartDate, after.StartDate);
        Assert.Equal(before.EndDate, after.EndDate);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public void Initialize_starts_a_draft_at_version_one_with_the_whole_budget_current()
    {
        var org = Guid.NewGuid();
        var state = new CampaignState();
        CampaignEditing.Initialize(
            state, org,
            new CampaignDraft("N", null, CampaignKind.Ads, 500, "USD", ["reach", "views"], ["tiktok"], new DateOnly(2025, 1, 1), null),
            Created);

        Assert.Equal(org, state.OrganizationId);
        Assert.Equal(CampaignStatus.Draft, state.Status);
        Assert.Equal(CampaignKind.Ads, state.Kind);
        Assert.Equal(500, state.Budget);
        Assert.Equal(500, state.CurrentBudget);
        Assert.Equal(0, state.ToView(Guid.NewGuid()).Spent);
        Assert.Equal(["reach", "views"], state.Goals);
        Assert.Equal(Created, state.CreatedAt);
        Assert.Equal(Created, state.UpdatedAt);
        Assert.Equal(1, state.Version);
    }

    [Fact]
    public void Accepted_change_merges_fields_bumps_version_and_keeps_what_is_spent()
    {
        var state = NewState(budget: 10_000, spent: 2_500);

        var errors = CampaignEditing.Apply(state, new CampaignChanges { Name = "Summer", Budget = 20_000, Goals = ["sales"] }, Later);

        Assert.Null(errors);
        Assert.Equal("Summer", state.Name);
        Assert.Equal("First wave", state.Description);
        Assert.Equal(20_000, state.Budget);
        Assert.Equal(17_500, state.CurrentBudget);
        Assert.Equal(2_500, state.ToView(Guid.NewGuid()).Spent);
        Assert.Equal(["sales"], state.Goals);
        Assert.Equal(["instagram"], state.Platforms);
        Assert.Equal("EUR", state.Currency);
        Assert.Equal(Later, state.UpdatedAt);
        Assert.Equal(Created, state.CreatedAt);
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public void Every_accepted_change_bumps_the_version_once()
    {
        var state = NewState();
        Assert.Null(CampaignEditing.Apply(state, new CampaignChanges { Name = "a" }, Later));
        Assert.Null(CampaignEditing.Apply(state, new CampaignChanges { Name = "b" }, Later));
        Assert.Equal(3, state.Version);
    }

    [Fact]
    public void Budget_below_what_is_spent_is_refused_and_nothing_changes()
    {
        var state = NewState(budget: 10_000, spent: 4_000);
        var before = Copy(state);

        var errors = CampaignEditing.Apply(state, new CampaignChanges { Name = "Renamed", Budget = 3_999 }, Later);

        Assert.NotNull(errors);
        Assert.Equal(["budget"], errors.Keys);
        Assert.Contains("4000", errors["budget"][0]);
        AssertUnchanged(before, state);
    }

    [Fact]
    public void Budget_equal_to_what_is_spent_is_allowed_and_leaves_nothing_current()
    {
        var state = NewState(budget: 10_000, spent: 4_000);
        Assert.Null(CampaignEditing.Apply(state, new CampaignChanges { Budget = 4_000 }, Later));
        Assert.Equal(4_000, state.Budget);
        Assert.Equal(0, state.CurrentBudget);
    }

    [Fact]
    public void Moving_the_end_before_the_start_is_refused_on_end_date()
    {
        var state = NewState(start: new DateOnly(2025, 5, 1), end: new DateOnly(2025, 5, 31));
        var before = Copy(state);

        var errors = CampaignEditing.Apply(state, new CampaignChanges { EndDate = new DateOnly(2025, 4, 30) }, Later);

        Assert.NotNull(errors);
        Assert.Equal(["end_date"], errors.Keys);
        AssertUnchanged(before, state);
    }

    [Fact]
    public void Moving_the_start_after_the_end_is_refused_on_start_date()
    {
        var state = NewState(start: new DateOnly(2025, 5, 1), end: new DateOnly(2025, 5, 31));
        var before = Copy(state);

        var errors = CampaignEditing.Apply(state, new CampaignChanges { StartDate = new DateOnly(2025, 6, 1) }, Later);

        Assert.NotNull(errors);
        Assert.Equal(["start_date"], errors.Keys);
        AssertUnchanged(before, state);
    }

    [Fact]
    public void Setting_both_dates_the_wrong_way_round_is_refused_on_end_date()
    {
        var state = NewState();
        var errors = CampaignEditing.Apply(
            state, new CampaignChanges { StartDate = new DateOnly(2025, 6, 1), EndDate = new DateOnly(2025, 5, 1) }, Later);

        Assert.NotNull(errors);
        Assert.Equal(["end_date"], errors.Keys);
        Assert.Null(state.StartDate);
        Assert.Null(state.EndDate);
    }

    [Fact]
    public void Same_start_and_end_day_is_allowed()
    {
        var state = NewState(start: new DateOnly(2025, 5, 1));
        Assert.Null(CampaignEditing.Apply(state, new CampaignChanges { EndDate = new DateOnly(2025, 5, 1) }, Later));
        Assert.Equal(new DateOnly(2025, 5, 1), state.EndDate);
    }

    [Fact]
    public void Clearing_the_end_date_lets_the_start_move_past_it()
    {
        var state = NewState(start: new DateOnly(2025, 5, 1), end: new DateOnly(2025, 5, 31));

        var errors = CampaignEditing.Apply(
            state, new CampaignChanges { StartDate = new DateOnly(2025, 7, 1), ClearEndDate = true }, Later);

        Assert.Null(errors);
        Assert.Equal(new DateOnly(2025, 7, 1), state.StartDate);
        Assert.Null(state.EndDate);
    }

    [Fact]
    public void Clearing_the_start_date_keeps_the_end_date()
    {
        var state = NewState(start: new DateOnly(2025, 5, 1), end: new DateOnly(2025, 5, 31));
        Assert.Null(CampaignEditing.Apply(state, new CampaignChanges { ClearStartDate = true }, Later));
        Assert.Null(state.StartDate);
        Assert.Equal(new DateOnly(2025, 5, 31), state.EndDate);
    }

    [Fact]
    public void Unset_members_leave_dates_as_they_are()
    {
        var state = NewState(start: new DateOnly(2025, 5, 1), end: new DateOnly(2025, 5, 31));
        Assert.Null(CampaignEditing.Apply(state, new CampaignChanges { Name = "x" }, Later));
        Assert.Equal(new DateOnly(2025, 5, 1), state.StartDate);
        Assert.Equal(new DateOnly(2025, 5, 31), state.EndDate);
    }

    [Fact]
    public void Empty_description_clears_it()
    {
        var state = NewState();
        Assert.Null(CampaignEditing.Apply(state, new CampaignChanges { Description = "" }, Later));
        Assert.Null(state.Description);
    }

    [Fact]
    public void Currency_cannot_change_once_money_is_spent()
    {
        var state = NewState(spent: 1);
        var before = Copy(state);

        var errors = CampaignEditing.Apply(state, new CampaignChanges { Currency = "USD" }, Later);

        Assert.NotNull(errors);
        Assert.Equal(["currency"], errors.Keys);
        AssertUnchanged(before, state);
    }

    [Fact]
    public void Currency_can_change_while_nothing_is_spent()
    {
        var state = NewState();
        Assert.Null(CampaignEditing.Apply(state, new CampaignChanges { Currency = "USD" }, Later));
        Assert.Equal("USD", state.Currency);
    }

    [Fact]
    public void Several_refused_fields_are_all_reported_at_once()
    {
        var state = NewState(budget: 1_000, spent: 500, start: new DateOnly(2025, 5, 1));
        var errors = CampaignEditing.Apply(
            state, new CampaignChanges { Budget = 10, Currency = "GBP", EndDate = new DateOnly(2025, 4, 1) }, Later);

        Assert.NotNull(errors);
        Assert.Equal(["budget", "currency", "end_date"], errors.Keys.Order());
        Assert.Equal(1, state.Version);
    }

    [Fact]
    public void Launch_records_the_first_start_only()
    {
        var state = NewState();
        CampaignEditing.Enter(state, CampaignStatus.Active, new CampaignTransitionRequest(CampaignTransition.Launch), Later);
        CampaignEditing.Enter(state, CampaignStatus.Paused, new CampaignTransitionRequest(CampaignTransition.Pause), Later.AddHours(1));
        CampaignEditing.Enter(state, CampaignStatus.Active, new CampaignTransitionRequest(CampaignTransition.Resume), Later.AddHours(2));

        Assert.Equal(CampaignStatus.Active, state.Status);
        Assert.Equal(Later, state.StartedAt);
        Assert.Equal(Later.AddHours(2), state.UpdatedAt);
        Assert.Null(state.CompletedAt);
        Assert.Equal(4, state.Version);
    }

    [Fact]
    public void Scheduling_records_when_and_finishing_records_completion()
    {
        var state = NewState();
        var when = Later.AddDays(3);
        CampaignEditing.Enter(state, CampaignStatus.Scheduled, new CampaignTransitionRequest(CampaignTransition.Schedule, when), Later);
        Assert.Equal(when, state.ScheduledFor);

        CampaignEditing.Enter(state, CampaignStatus.Cancelled, new CampaignTransitionRequest(CampaignTransition.Cancel), Later.AddHours(1));
        Assert.Equal(CampaignStatus.Cancelled, state.Status);
        Assert.Equal(Later.AddHours(1), state.CompletedAt);
        Assert.Null(state.StartedAt);
    }
}
