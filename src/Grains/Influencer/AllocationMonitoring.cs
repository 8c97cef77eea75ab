using System.Globalization;
using System.Text.Json.Nodes;
using Campaigns.Campaigns;

namespace Campaigns.Influencer;

/// <summary>What a monitoring tick does.</summary>
public enum MonitoringStep
{
    /// <summary>Queue a posts scrape now.</summary>
    Scrape,

    /// <summary>Nothing now (campaign paused, or its first day not reached), but keep ticking.</summary>
    Wait,

    /// <summary>Nothing ever again: the allocation or its campaign has ended; remove the reminder.</summary>
    Stop,
}

/// <summary>
/// The monitoring rules for one allocation (docs/domain/influencer.md#monitoring): it is monitored while it is accepted or active, its campaign is
/// active, and today is within the campaign's days; each scrape reads from the last collection, else the start.
/// </summary>
public static class AllocationMonitoring
{
    public const int InitialPostsLimit = 50;
    public const int MonitorPostsLimit = 20;
    public const int ProfilePriority = 80;
    public const int InitialPostsPriority = 70;
    public const int MonitorPostsPriority = 60;

    public static bool IsFinal(AllocationStatus status) =>
        status is AllocationStatus.Declined or AllocationStatus.Completed or AllocationStatus.Cancelled;

    public static bool IsMonitored(AllocationStatus status) => status is AllocationStatus.Accepted or AllocationStatus.Active;

    public static MonitoringStep Next(AllocationStatus status, CampaignSnapshot campaign, DateTimeOffset now)
    {
        var period = new CampaignPeriod(campaign.StartDate, campaign.EndDate);
        if (IsFinal(status) || CampaignLifecycle.IsFinal(campaign.Status) || period.EndedBefore(now))
        {
            return MonitoringStep.Stop;
        }

        return IsMonitored(status) && campaign.Status == CampaignStatus.Active && !period.StartsAfter(now)
            ? MonitoringStep.Scrape
            : MonitoringStep.Wait;
    }

    /// <summary>The posts job's input: posts since the last collection, else since the campaign's first day.</summary>
    public static string PostsInput(DateTimeOffset? lastCollectedAt, DateOnly? campaignStart, int limit)
    {
        var since = lastCollectedAt is { } last
            ? last.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
            : campaignStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var input = new JsonObject { ["limit"] = limit };
        if (since is not null)
        {
            input["since"] = since;
        }

        return input.ToJsonString();
    }
}
