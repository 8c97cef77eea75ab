using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Campaigns.Tests.Influencer;

/// <summary>The influencer records cross grain boundaries, so Orleans must carry every field of them unchanged.</summary>
public sealed class ContractSerializationTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) where T : class =>
        Serializer.Deserialize<T>(Serializer.SerializeToArray(value)) ?? throw new InvalidOperationException("Deserialized to null.");

    [Fact]
    public void A_scraped_post_survives_the_trip_with_its_nulls()
    {
        var post = TestPosts.Post("#brand", hashtags: ["brand"], mentions: ["brand"], links: ["https://brand.com"]) with
        {
            Platform = SocialPlatform.Youtube, Title = "Title", Likes = 10, Comments = null, Views = 5_000_000_000,
            EngagementRate = 0.034, Reach = null,
        };

        var copy = RoundTrip(post);

        Assert.Equal(post with { Hashtags = copy.Hashtags, Mentions = copy.Mentions, Links = copy.Links, MediaUrls = copy.MediaUrls }, copy);
        Assert.Equal(post.Hashtags, copy.Hashtags);
        Assert.Equal(post.Links, copy.Links);
        Assert.Null(copy.Comments);
    }

    [Fact]
    public void A_match_result_survives_the_trip()
    {
        var result = TestPosts.Match(TestPosts.Config(required: ["#brand", "#sponsored"], link: "brand.com"), TestPosts.Post("#brand brand.com/x"));

        var copy = RoundTrip(result);

        Assert.Equal(result.Confidence, copy.Confidence);
        Assert.Equal(result.Verdict, copy.Verdict);
        Assert.Equal(result.Signals, copy.Signals);
        Assert.Equal(result.MissingRequired, copy.MissingRequired);
        Assert.Equal(result.Reason, copy.Reason);
    }

    [Fact]
    public void Metrics_profile_and_tracking_config_survive_the_trip()
    {
        var metrics = new AllocationMetrics(1, 2, 0, 0, 0.5, 3, DateTimeOffset.UnixEpoch, false);
        var profile = new ScrapedProfile(SocialPlatform.Tiktok, "anna", null, 10, null, 3, "bio", true, null, null);
        var config = new TrackingConfig(["#a"], ["#b"], ["@c"], "brand.com/*", 0.8);

        Assert.Equal(metrics, RoundTrip(metrics));
        Assert.Equal(profile, RoundTrip(profile));
        var configCopy = RoundTrip(config);
        Assert.Equal((config.TrackingLinkPattern, config.MinMatchConfidence), (configCopy.TrackingLinkPattern, configCopy.MinMatchConfidence));
        Assert.Equal(config.RequiredHashtags.Concat(config.OptionalHashtags).Concat(config.RequiredMentions),
            configCopy.RequiredHashtags.Concat(configCopy.OptionalHashtags).Concat(configCopy.RequiredMentions));
    }

    [Fact]
    public void An_allocation_post_survives_the_trip_with_its_signals_and_decision()
    {
        var post = new AllocationPost(Guid.CreateVersion7(), Guid.CreateVersion7(), TestPosts.Post("#brand"), 0.85, true,
            MatchVerdict.Matched, null, [new MatchedSignal(SignalKind.RequiredHashtag, "#brand", SignalSource.Caption)], ["@brand"],
            PostDetection.Auto, PostDecision.Rejected, Guid.CreateVersion7(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch);

        var copy = RoundTrip(post);

        Assert.Equal((post.Id, post.Decision, post.DecidedBy, post.Verdict, post.Counts), (copy.Id, copy.Decision, copy.DecidedBy, copy.Verdict, copy.Counts));
        Assert.Equal(post.Signals, copy.Signals);
        Assert.Equal(post.MissingRequired, copy.MissingRequired);
    }
}
