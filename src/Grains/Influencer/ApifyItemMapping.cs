using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Campaigns.Influencer;

/// <summary>
/// Turns raw Apify dataset items into posts and profiles, one platform's actor output at a time, using the field names
/// those actors really emit (see <see cref="InstagramItems"/>, <see cref="TiktokItems"/>, <see cref="YoutubeItems"/>).
/// </summary>
public static class ApifyItemMapping
{
    /// <summary>Maps one item of a posts scrape.</summary>
    /// <param name="knownFollowers">
    /// The creator's followers from the latest profile scrape, used for the engagement rate when the item itself does
    /// not say (Instagram post items never do).
    /// </param>
    /// <param name="skipReason">Why the item is not a post: the actor's error for that input, or no post id.</param>
    public static bool TryMapPost(
        SocialPlatform platform,
        JsonElement item,
        long? knownFollowers,
        [NotNullWhen(true)] out ScrapedPost? post,
        [NotNullWhen(false)] out string? skipReason)
    {
        post = null;
        skipReason = item.ActorError();
        if (skipReason is not null)
        {
            return false;
        }

        post = platform switch
        {
            SocialPlatform.Instagram => InstagramItems.Post(item, knownFollowers),
            SocialPlatform.Tiktok => TiktokItems.Post(item, knownFollowers),
            SocialPlatform.Youtube => YoutubeItems.Post(item, knownFollowers),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a scrapable platform."),
        };
        if (post is null)
        {
            skipReason = $"The {platform.ToString().ToLowerInvariant()} item carries no post id.";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Maps the items of a profile scrape: an Instagram profile item (with its <c>latestPosts</c>), or the videos a
    /// TikTok or YouTube actor returns for a profile, each carrying its author's data. Null when no item describes the
    /// profile.
    /// </summary>
    public static ScrapedProfile? MapProfile(SocialPlatform platform, IReadOnlyList<JsonElement> items)
    {
        var usable = items.Where(item => item.ActorError() is null).ToList();
        return platform switch
        {
            SocialPlatform.Instagram => InstagramItems.Profile(usable),
            SocialPlatform.Tiktok => TiktokItems.Profile(usable),
            SocialPlatform.Youtube => YoutubeItems.Profile(usable),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a scrapable platform."),
        };
    }

    /// <summary>Fills the engagement rate (the actor's own when it has one) and reach, the same way for every platform.</summary>
    internal static ScrapedPost WithDerivedNumbers(ScrapedPost post, JsonElement item) => post with
    {
        EngagementRate = item.Ratio("engagementRate")
            ?? PostEngagement.Rate(post.Likes, post.Comments, post.Shares, post.FollowersAtScrape),
        Reach = PostEngagement.Reach(item.Count("reach"), post.Views),
    };

    /// <summary>A profile's engagement rate: the mean rate of its recent posts that have one.</summary>
    internal static double? MeanRate(IEnumerable<ScrapedPost> posts)
    {
        var rates = posts.Select(post => post.EngagementRate).OfType<double>().ToList();
        return rates.Count == 0 ? null : rates.Average();
    }
}
