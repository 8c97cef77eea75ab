using System.Text.Json;
using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

public sealed class ApifyItemMappingTests
{
    private const long AnnaInstagramFollowers = 48_200;

    private static ScrapedPost MapPost(SocialPlatform platform, JsonElement item, long? followers = null)
    {
        Assert.True(ApifyItemMapping.TryMapPost(platform, item, followers, out var post, out var reason), reason);
        return post;
    }

    private static List<ScrapedPost> MapAll(SocialPlatform platform, string file, long? followers = null) =>
        ActorSamples.Items(file)
            .Select(item => ApifyItemMapping.TryMapPost(platform, item, followers, out var post, out _) ? post : null)
            .OfType<ScrapedPost>()
            .ToList();

    [Fact]
    public void An_instagram_reel_maps_to_the_posts_columns()
    {
        var reel = MapPost(SocialPlatform.Instagram, ActorSamples.Items("instagram-posts.json")[0], AnnaInstagramFollowers);

        Assert.Equal("DBlq3xRNk2f", reel.PlatformPostId);
        Assert.Equal("https://www.instagram.com/p/DBlq3xRNk2f/", reel.Url);
        Assert.Equal("anna.cooks", reel.AuthorUsername);
        Assert.StartsWith("Sunday brunch", reel.Text);
        Assert.Null(reel.Title);
        Assert.Equal("reel", reel.ContentType);
        Assert.Equal(["BrandName", "sponsored", "brunch"], reel.Hashtags);
        Assert.Equal(["BrandName"], reel.Mentions);
        Assert.Equal(5231, reel.Likes);
        Assert.Equal(184, reel.Comments);
        Assert.Null(reel.Shares);
        Assert.Equal(48_210, reel.Views);
        Assert.Equal(48_210, reel.Reach);
        Assert.Null(reel.Impressions);
        Assert.Equal(new DateTimeOffset(2026, 11, 8, 9, 14, 22, TimeSpan.Zero), reel.PostedAt);
        Assert.Equal(AnnaInstagramFollowers, reel.FollowersAtScrape);
        Assert.Equal((5231 + 184) / 48_200.0, reel.EngagementRate!.Value, 10);
        Assert.Contains(reel.MediaUrls, url => url.EndsWith(".mp4", StringComparison.Ordinal));
        Assert.Equal("DBlq3xRNk2f", JsonDocument.Parse(reel.RawJson).RootElement.GetProperty("shortCode").GetString());
    }

    [Fact]
    public void Hidden_instagram_likes_stay_unknown_and_so_do_views_reach_and_rate_of_a_photo()
    {
        var photo = MapPost(SocialPlatform.Instagram, ActorSamples.Items("instagram-posts.json")[1], AnnaInstagramFollowers);

        Assert.Equal("image", photo.ContentType);
        Assert.Null(photo.Likes);
        Assert.Equal(42, photo.Comments);
        Assert.Null(photo.Views);
        Assert.Null(photo.Reach);
        Assert.Null(photo.EngagementRate);
    }

    [Fact]
    public void An_instagram_carousel_keeps_tagged_accounts_as_mentions_and_unicode_hashtags()
    {
        var carousel = MapPost(SocialPlatform.Instagram, ActorSamples.Items("instagram-posts.json")[2]);

        Assert.Equal("carousel", carousel.ContentType);
        Assert.Equal(["бренд", "завтрак"], carousel.Hashtags);
        Assert.Equal(["brandname"], carousel.Mentions);
        Assert.Equal(2, carousel.MediaUrls.Count);
        Assert.Null(carousel.EngagementRate);
    }

    [Fact]
    public void An_actor_error_item_is_skipped_with_the_actors_reason()
    {
        var error = ActorSamples.Items("instagram-posts.json")[3];

        Assert.False(ApifyItemMapping.TryMapPost(SocialPlatform.Instagram, error, null, out _, out var reason));
        Assert.Equal("Post does not exist or is private.", reason);
    }

    [Theory]
    [InlineData(SocialPlatform.Instagram)]
    [InlineData(SocialPlatform.Tiktok)]
    [InlineData(SocialPlatform.Youtube)]
    public void An_item_without_a_post_id_is_skipped(SocialPlatform platform)
    {
        Assert.False(ApifyItemMapping.TryMapPost(platform, ActorSamples.Item("""{ "caption": "hi", "text": "hi" }"""), null, out _, out var reason));
        Assert.Contains("no post id", reason);
    }

    [Fact]
    public void Missing_fields_stay_null_never_zero()
    {
        var bare = MapPost(SocialPlatform.Instagram, ActorSamples.Item("""{ "shortCode": "Cx1", "likesCount": null, "commentsCount": "n/a" }"""), 1000);

        Assert.Equal("https://www.instagram.com/p/Cx1/", bare.Url);
        Assert.Null(bare.Likes);
        Assert.Null(bare.Comments);
        Assert.Null(bare.Shares);
        Assert.Null(bare.Views);
        Assert.Null(bare.Reach);
        Assert.Null(bare.EngagementRate);
        Assert.Null(bare.PostedAt);
        Assert.Null(bare.Text);
        Assert.Empty(bare.Hashtags);
    }

    [Fact]
    public void Zero_counts_stay_zero()
    {
        var quiet = MapPost(SocialPlatform.Tiktok, ActorSamples.Item(
            """{ "id": "1", "diggCount": 0, "commentCount": 0, "shareCount": 0, "playCount": 0, "authorMeta": { "fans": 10 } }"""));

        Assert.Equal(0, quiet.Likes);
        Assert.Equal(0, quiet.Views);
        Assert.Equal(0, quiet.Reach);
        Assert.Equal(0, quiet.EngagementRate);
    }

    [Fact]
    public void Instagram_plays_stand_in_for_views_when_the_view_count_is_missing()
    {
        var reel = MapPost(SocialPlatform.Instagram, ActorSamples.Item("""{ "shortCode": "C1", "videoPlayCount": 900 }"""));

        Assert.Equal(900, reel.Views);
        Assert.Equal(900, reel.Reach);
    }

    [Fact]
    public void An_actors_own_engagement_rate_and_reach_win()
    {
        var post = MapPost(SocialPlatform.Instagram, ActorSamples.Item(
            """{ "shortCode": "C2", "likesCount": 10, "commentsCount": 0, "videoViewCount": 500, "engagementRate": 0.05, "reach": 300 }"""), 100);

        Assert.Equal(0.05, post.EngagementRate);
        Assert.Equal(300, post.Reach);
    }

    [Fact]
    public void A_post_without_known_followers_has_no_engagement_rate()
    {
        var post = MapPost(SocialPlatform.Instagram, ActorSamples.Items("instagram-posts.json")[0], followers: null);

        Assert.Null(post.EngagementRate);
        Assert.Null(MapPost(SocialPlatform.Instagram, ActorSamples.Items("instagram-posts.json")[0], followers: 0).EngagementRate);
    }

    [Fact]
    public void A_tiktok_video_maps_with_its_authors_followers_at_scrape_time()
    {
        var video = MapPost(SocialPlatform.Tiktok, ActorSamples.Items("tiktok-posts.json")[0], followers: 1);

        Assert.Equal("7435120987654321234", video.PlatformPostId);
        Assert.Equal("https://www.tiktok.com/@anna.cooks/video/7435120987654321234", video.Url);
        Assert.Equal("anna.cooks", video.AuthorUsername);
        Assert.Equal("video", video.ContentType);
        Assert.Equal(["brandname", "sponsored", "fyp"], video.Hashtags);
        Assert.Equal(["brandname"], video.Mentions);
        Assert.Equal(18_400, video.Likes);
        Assert.Equal(512, video.Comments);
        Assert.Equal(730, video.Shares);
        Assert.Equal(402_100, video.Views);
        Assert.Equal(402_100, video.Reach);
        Assert.Equal(125_400, video.FollowersAtScrape);
        Assert.Equal((18_400 + 512 + 730) / 125_400.0, video.EngagementRate!.Value, 10);
        Assert.Equal(new DateTimeOffset(2026, 11, 11, 10, 15, 30, TimeSpan.Zero), video.PostedAt);
        Assert.Contains(video.MediaUrls, url => url.Contains("cover_", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tiktok_slideshow_without_shares_counts_shares_as_unknown()
    {
        var slideshow = MapPost(SocialPlatform.Tiktok, ActorSamples.Items("tiktok-posts.json")[2]);

        Assert.Equal("slideshow", slideshow.ContentType);
        Assert.Null(slideshow.Shares);
        Assert.Equal((3050 + 48) / 125_400.0, slideshow.EngagementRate!.Value, 10);
    }

    [Fact]
    public void Tiktok_unix_create_time_is_read_when_the_iso_one_is_missing()
    {
        var video = MapPost(SocialPlatform.Tiktok, ActorSamples.Item("""{ "id": "9", "createTime": 1762856130 }"""));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762856130), video.PostedAt);
    }

    [Fact]
    public void A_youtube_video_keeps_title_description_and_description_links_apart()
    {
        var video = MapPost(SocialPlatform.Youtube, ActorSamples.Items("youtube-videos.json")[0]);

        Assert.Equal("dQ7xK2pLm9A", video.PlatformPostId);
        Assert.Equal("I Tried BrandName Cookware for 30 Days #BrandName", video.Title);
        Assert.StartsWith("Thirty days, one pan.", video.Text);
        Assert.Equal("annacooks", video.AuthorUsername);
        Assert.Equal("video", video.ContentType);
        Assert.Equal(["https://brandname.com/go/anna?utm_source=youtube"], video.Links);
        Assert.Equal(["BrandName", "cookware", "sponsored"], video.Hashtags);
        Assert.Equal(["BrandName"], video.Mentions);
        Assert.Equal(9800, video.Likes);
        Assert.Equal(640, video.Comments);
        Assert.Null(video.Shares);
        Assert.Equal(231_400, video.Views);
        Assert.Equal(310_000, video.FollowersAtScrape);
        Assert.Equal((9800 + 640) / 310_000.0, video.EngagementRate!.Value, 10);
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 15, 0, 7, TimeSpan.Zero), video.PostedAt);
    }

    [Fact]
    public void A_youtube_short_with_comments_turned_off_has_no_engagement_rate()
    {
        var shortVideo = MapPost(SocialPlatform.Youtube, ActorSamples.Items("youtube-videos.json")[1]);

        Assert.Equal("shorts", shortVideo.ContentType);
        Assert.Null(shortVideo.Text);
        Assert.Null(shortVideo.Comments);
        Assert.Null(shortVideo.EngagementRate);
        Assert.Equal(88_200, shortVideo.Reach);
    }

    [Fact]
    public void An_instagram_profile_maps_with_the_engagement_of_its_latest_posts()
    {
        var profile = ApifyItemMapping.MapProfile(SocialPlatform.Instagram, ActorSamples.Items("instagram-profile.json"));

        Assert.NotNull(profile);
        Assert.Equal("anna.cooks", profile.Username);
        Assert.Equal("Anna | Quick recipes", profile.FullName);
        Assert.Equal(48_200, profile.FollowersCount);
        Assert.Equal(612, profile.FollowsCount);
        Assert.Equal(731, profile.PostsCount);
        Assert.StartsWith("15-minute recipes", profile.Biography);
        Assert.False(profile.Verified);
        Assert.Equal("https://www.instagram.com/anna.cooks", profile.ProfileUrl);
        var expectedRate = ((5231 + 184) / 48_200.0 + (1358 + 42) / 48_200.0) / 2;
        Assert.Equal(expectedRate, profile.EngagementRate!.Value, 10);
    }

    [Fact]
    public void A_tiktok_profile_comes_from_the_author_of_its_videos()
    {
        var profile = ApifyItemMapping.MapProfile(SocialPlatform.Tiktok, ActorSamples.Items("tiktok-posts.json"));

        Assert.NotNull(profile);
        Assert.Equal("anna.cooks", profile.Username);
        Assert.Equal("Anna Cooks", profile.FullName);
        Assert.Equal(125_400, profile.FollowersCount);
        Assert.Equal(210, profile.FollowsCount);
        Assert.Equal(412, profile.PostsCount);
        Assert.Equal("15-minute recipes 🍳 new video every day", profile.Biography);
        Assert.False(profile.Verified);
        var expectedRate = ((18_400 + 512 + 730) + (9100 + 133 + 210) + (3050 + 48)) / 125_400.0 / 3;
        Assert.Equal(expectedRate, profile.EngagementRate!.Value, 10);
    }

    [Fact]
    public void A_youtube_profile_comes_from_the_channel_fields_of_its_videos()
    {
        var profile = ApifyItemMapping.MapProfile(SocialPlatform.Youtube, ActorSamples.Items("youtube-videos.json"));

        Assert.NotNull(profile);
        Assert.Equal("annacooks", profile.Username);
        Assert.Equal("Anna Cooks", profile.FullName);
        Assert.Equal(310_000, profile.FollowersCount);
        Assert.Null(profile.FollowsCount);
        Assert.Equal(188, profile.PostsCount);
        Assert.True(profile.Verified);
        // The short has no comment count, so only the first video has a rate.
        Assert.Equal((9800 + 640) / 310_000.0, profile.EngagementRate!.Value, 10);
    }

    [Fact]
    public void A_profile_scrape_of_only_errors_maps_to_nothing()
    {
        var errors = new[] { ActorSamples.Item("""{ "error": "not_found", "errorDescription": "Profile does not exist." }""") };

        Assert.Null(ApifyItemMapping.MapProfile(SocialPlatform.Instagram, errors));
        Assert.Null(ApifyItemMapping.MapProfile(SocialPlatform.Tiktok, []));
    }

    [Fact]
    public void The_sample_posts_match_the_sample_campaign()
    {
        var matcher = new PostMatcher(
            new TrackingConfig(["#BrandName", "#sponsored"], ["#cookware"], ["@brandname"], "brandname.com/go/anna"),
            TestPosts.November);
        string Verdicts(SocialPlatform platform, string file, long? followers = null) => string.Join(",",
            MapAll(platform, file, followers).Select(post => matcher.Match(post).Verdict));

        Assert.Equal("Matched,NoSignals,OutsideCampaignDates", Verdicts(SocialPlatform.Instagram, "instagram-posts.json"));
        Assert.Equal("Matched,NoSignals,NoSignals", Verdicts(SocialPlatform.Tiktok, "tiktok-posts.json"));
        Assert.Equal("Matched,NoSignals", Verdicts(SocialPlatform.Youtube, "youtube-videos.json"));
    }
}
