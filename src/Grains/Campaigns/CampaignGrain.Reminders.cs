
namespace Campaigns.Campaigns;

/// <summary>The one place reminder ticks are dispatched, by reminder name, so each feature keeps its own handler.</summary>
public sealed partial class CampaignGrain
{
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        switch (reminderName)
        {
            case EndReminder:
                await CompleteAtEndDate();
                break;
            case LaunchReminder:
                await LaunchAtScheduledTime();
                break;
            case OutreachDispatchReminder:
                await OutreachDispatchTick();
                break;
        }
    }
}
