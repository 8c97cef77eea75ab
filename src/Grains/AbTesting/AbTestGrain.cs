using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Campaigns.AbTesting;

/// <summary>
/// One A/B test: configuration in grain storage, every event in <c>ab_test_events</c>, running counts in memory (rebuilt
/// from the events on activation), statistics from <see cref="AbTestAnalysis"/>, the winner applied to the campaign.
/// </summary>
public sealed partial class AbTestGrain(
    [PersistentState(StoredState.StateNames.AbTest)] IPersistentState<AbTestState> state,
    AbTestRepository tests,
    AbEventRepository events,
    IOptions<AbTestOptions> options,
    TimeProvider clock,
    ILogger<AbTestGrain> logger) : Grain, IAbTestGrain, IRemindable
{
    public const string AutoApplyReminder = "auto-apply-winner";

    private readonly Dictionary<Guid, RunningCounts> counts = [];

    private Guid Id => this.GetPrimaryKey();

    private AbTestState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            return;
        }

        // The events table is the truth; counts that a previous activation held in memory are rebuilt from it.
        foreach (var (variantId, c) in await events.Counts(Id))
        {
            counts[variantId] = new RunningCounts { Impressions = c.Impressions, Clicks = c.Clicks, Conversions = c.Conversions, Revenue = c.Revenue };
        }

        try
        {
            await tests.Upsert(S.OrganizationId, S.ToView(Id), S.Version);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            LogProjectionFailed(logger, e, Id);
        }
    }

    public async Task<CommandResult<AbTestView>> Create(Guid organizationId, AbTestDraft draft)
    {
        if (state.RecordExists)
        {
            return S.OrganizationId == organizationId
                ? CommandResult<AbTestView>.Conflict("An A/B test with this id already exists.")
                : AbTestRefusal.NotFound<AbTestView>();
        }

        var now = clock.UtcNowMicroseconds();
        state.State = new AbTestState
        {
            OrganizationId = organizationId,
            CampaignId = draft.CampaignId,
            Name = draft.Name,
            Status = AbTestStatus.Running,
            PrimaryMetric = draft.PrimaryMetric,
            MinSampleSize = draft.MinSampleSize,
            ConfidenceLevel = draft.ConfidenceLevel,
            AutoApplyWinner = draft.AutoApplyWinner,
            Variants = draft.Variants.Select(v => new AbVariantView(TimeOrderedId.New(), v.Name, v.IsControl, v.ContentJson, v.Weight)).ToList(),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        var saved = await Save();
        await FollowAutoApply();
        return saved;
    }

    public Task<CommandResult<AbTestView>> Get(Guid organizationId) =>
        Task.FromResult(Owns(organizationId) ? CommandResult.Ok(S.ToView(Id)) : AbTestRefusal.NotFound<AbTestView>());

    public Task<CommandResult<AbTestSnapshot>> Snapshot(Guid organizationId) =>
        Task.FromResult(Owns(organizationId) ? CommandResult.Ok(CurrentSnapshot()) : AbTestRefusal.NotFound<AbTestSnapshot>());

    public Task<AbAssignmentTable?> AssignmentTable() =>
        Task.FromResult(state.RecordExists ? new AbAssignmentTable(S.OrganizationId, S.Variants, S.Status, S.WinnerVariantId) : null);

    public async Task<CommandResult<AbEventsRecorded>> RecordEvents(Guid organizationId, AbEvent[] batch)
    {
        if (!Owns(organizationId))
        {
            return AbTestRefusal.NotFound<AbEventsRecorded>();
        }

        var errors = UnknownVariants(batch);
        if (errors is not null)
        {
            return CommandResult<AbEventsRecorded>.Invalid(errors);
        }

        var stored = await events.Insert(Id, batch);
        var accepted = 0;
        for (var i = 0; i < batch.Length; i++)
        {
            if (stored[i])
            {
                Count(batch[i]);
                accepted++;
            }
        }

        return CommandResult.Ok(new AbEventsRecorded(accepted, batch.Length - accepted));
    }

    public async Task<CommandResult<AbTestView>> ApplyWinner(Guid organizationId)
    {
        if (!Owns(organizationId))
        {
            return AbTestRefusal.NotFound<AbTestView>();
        }

        if (S.Status == AbTestStatus.Completed)
        {
            // Applied before: answer what that did rather than copy the content over whatever the campaign has now.
            return CommandResult.Ok(S.ToView(Id));
        }

        var decision = WinnerDecision.Decide(AbTestAnalysis.Analyze(CurrentSnapshot()));
        if (decision.Winner is not { } winner)
        {
            return AbTestRefusal.Conflict<AbTestView>(decision.Message, decision.Reason);
        }

        var content = S.Variants.First(v => v.Id == winner.Id).ContentJson;
        var applied = await GrainFactory.GetGrain<ICampaignGrain>(S.CampaignId).ApplyContent(organizationId, content, $"ab_test:{Id}");
        if (applied.Outcome != CommandOutcome.Ok)
        {
            return AbTestRefusal.Conflict<AbTestView>(
                $"The winner '{winner.Name}' could not be applied to campaign {S.CampaignId}: {applied.Message}", "campaign_refused");
        }

        var now = clock.UtcNowMicroseconds();
        S.Status = AbTestStatus.Completed;
        S.WinnerVariantId = winner.Id;
        S.CompletedAt = now;
        S.UpdatedAt = now;
        S.Version++;
        var saved = await Save();
        await FollowAutoApply();
        LogApplied(logger, Id, winner.Name, S.CampaignId);
        return saved;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != AutoApplyReminder)
        {
            return;
        }

        if (state.RecordExists && S is { Status: AbTestStatus.Running, AutoApplyWinner: true })
        {
            var result = await ApplyWinner(S.OrganizationId);
            if (result.Outcome != CommandOutcome.Ok)
            {
                LogNoWinnerYet(logger, Id, AbTestRefusal.Reason(result));
            }
        }

        await FollowAutoApply();
    }

    /// <summary>A running test with auto-apply has the reminder; any other has none.</summary>
    private async Task FollowAutoApply()
    {
        var wanted = state.RecordExists && S is { Status: AbTestStatus.Running, AutoApplyWinner: true };
        var reminder = await this.GetReminder(AutoApplyReminder);
        if (wanted && reminder is null)
        {
            var period = options.Value.AutoApplyCheckPeriod;
            await this.RegisterOrUpdateReminder(AutoApplyReminder, period, period);
        }
        else if (!wanted && reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private AbTestSnapshot CurrentSnapshot() => new(
        S.ToView(Id),
        S.Variants.ToDictionary(v => v.Id, v => counts.TryGetValue(v.Id, out var c) ? c.ToCounts() : AbVariantCounts.Zero));

    private Dictionary<string, string[]>? UnknownVariants(AbEvent[] batch)
    {
        Dictionary<string, string[]>? errors = null;
        for (var i = 0; i < batch.Length; i++)
        {
            if (!S.Variants.Exists(v => v.Id == batch[i].VariantId))
            {
                errors ??= [];
                errors[$"events[{i}].variant_id"] = ["Not a variant of this A/B test."];
            }
        }

        return errors;
    }

    private void Count(AbEvent e)
    {
        if (!counts.TryGetValue(e.VariantId, out var c))
        {
            counts[e.VariantId] = c = new RunningCounts();
        }

        switch (e.Type)
        {
            case AbEventType.Impression:
                c.Impressions++;
                break;
            case AbEventType.Click:
                c.Clicks++;
                break;
            case AbEventType.Conversion:
                c.Conversions++;
                c.Revenue += e.Value;
                break;
        }
    }

    private bool Owns(Guid organizationId) => state.RecordExists && S.OrganizationId == organizationId;

    private async Task<CommandResult<AbTestView>> Save()
    {
        await state.WriteOrReload();

        var view = S.ToView(Id);
        await tests.Upsert(S.OrganizationId, view, S.Version);
        return CommandResult.Ok(view);
    }

    private sealed class RunningCounts
    {
        public long Impressions;
        public long Clicks;
        public long Conversions;
        public decimal Revenue;

        public AbVariantCounts ToCounts() => new(Impressions, Clicks, Conversions, Revenue);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-assert the listing row of A/B test {TestId}")]
    private static partial void LogProjectionFailed(ILogger logger, Exception e, Guid testId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A/B test {TestId}: winner '{Winner}' applied to campaign {CampaignId}")]
    private static partial void LogApplied(ILogger logger, Guid testId, string winner, Guid campaignId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A/B test {TestId}: no winner to apply yet ({Reason})")]
    private static partial void LogNoWinnerYet(ILogger logger, Guid testId, string? reason);
}
