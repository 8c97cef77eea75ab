using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Outreach;

namespace Campaigns.Tests.Hosting;

/// <summary>Test-only grain: counts the ticks of one reminder into its persisted state.</summary>
[Alias("campaigns.tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithGuidKey
{
    [Alias("Start")]
    Task Start(TimeSpan period);

    [Alias("Stop")]
    Task Stop();

    [Alias("Ticks")]
    Task<int> Ticks();

    [Alias("IsRegistered")]
    Task<bool> IsRegistered();
}

[GenerateSerializer, Alias("campaigns.tests.ReminderProbeState")]
public sealed class ReminderProbeState
{
    [Id(0)] public int Ticks { get; set; }
}

public sealed class ReminderProbeGrain(
    [PersistentState("probe")] IPersistentState<ReminderProbeState> state) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe-tick";

    public async Task Start(TimeSpan period) => await this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task Stop()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<int> Ticks() => Task.FromResult(state.State.Ticks);

    public async Task<bool> IsRegistered() => await this.GetReminder(ReminderName) is not null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            state.State.Ticks++;
            await state.WriteStateAsync();
        }
    }
}
