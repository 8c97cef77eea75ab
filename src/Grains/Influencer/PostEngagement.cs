
namespace Campaigns.Influencer;

/// <summary>The two derived post numbers, defined once for every platform.</summary>
public static class PostEngagement
{
    /// <summary>
    /// A post's engagement rate as a ratio when the actor gives none: (likes + comments + shares) / followers at
    /// scrape time. Shares count only where the platform publishes them (TikTok), elsewhere as 0. Null when likes or
    /// comments are unknown (a hidden like count would understate the rate), or followers are unknown or 0.
    /// </summary>
    public static double? Rate(long? likes, long? comments, long? shares, long? followers) =>
        likes is { } knownLikes && comments is { } knownComments && followers is > 0
            ? (double)(knownLikes + knownComments + (shares ?? 0)) / followers.Value
            : null;

    /// <summary>
    /// Reach: the platform's own reach figure when the actor has one, else views, else null. No public scraper sees
    /// unique reach (that needs the creator's insights), so views are the closest public measure; a photo without a
    /// view count has unknown reach, not 0.
    /// </summary>
    public static long? Reach(long? platformReach, long? views) => platformReach ?? views;
}
