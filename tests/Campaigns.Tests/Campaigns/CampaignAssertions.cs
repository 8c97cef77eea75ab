using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Outreach;

namespace Campaigns.Tests.Campaigns;

internal static class Campaign
{
    public static CampaignDraft Draft(
        string name = "Spring launch", CampaignKind kind = CampaignKind.Marketing, long budget = 100_000, string? description = "First wave") =>
        new(name, description, kind, budget, "EUR", ["reach", "sales"], ["instagram", "tiktok"], new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30));

    public static CampaignView Ok(CampaignResult result)
    {
        Assert.True(result.Outcome == CommandOutcome.Ok, $"Expected Ok, got {result.Outcome}: {result.Message}");
        return result.Campaign!;
    }

    /// <summary>Records compare lists by reference, so views are compared field by field.</summary>
    public static void Same(CampaignView expected, CampaignView actual)
    {
        Assert.Equal(expected with { Goals = [], Platforms = [] }, actual with { Goals = [], Platforms = [] });
        Assert.Equal(expected.Goals, actual.Goals);
        Assert.Equal(expected.Platforms, actual.Platforms);
    }
}
