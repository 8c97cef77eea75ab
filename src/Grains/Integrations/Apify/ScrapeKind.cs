
namespace Campaigns.Integrations.Apify;

/// <summary>The two scrape jobs of influencer monitoring: a creator's profile counters, or their posts.</summary>
public enum ScrapeKind
{
    Profile,
    Posts,
}
