using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using static Campaigns.Tests.Influencer.TestPosts;

namespace Campaigns.Tests.Influencer;

public sealed class PostMatcherTests
{
    [Fact]
    public void Case_does_not_matter_in_caption_configuration_or_actor_arrays()
    {
        var config = Config(required: ["#BrandName"], mentions: ["@BRANDNAME"]);

        var inCaption = Match(config, Post("Love it #brandNAME @BrandName"));
        var inArrays = Match(config, Post(hashtags: ["BRANDNAME"], mentions: ["brandname"]));

        Assert.True(inCaption.IsCampaignContent);
        Assert.True(inArrays.IsCampaignContent);
        Assert.Equal(inCaption.Confidence, inArrays.Confidence);
    }

    [Fact]
    public void Hash_and_at_are_optional_in_configuration()
    {
        var post = Post("Thanks @brand #brand #summer");

        var withMarkers = Match(Config(required: ["#brand"], optional: ["#summer"], mentions: ["@brand"]), post);
        var withoutMarkers = Match(Config(required: ["brand"], optional: ["summer"], mentions: ["brand"]), post);

        Assert.Equal(withMarkers.Confidence, withoutMarkers.Confidence);
        Assert.Equal(withMarkers.Signals, withoutMarkers.Signals);
        Assert.Equal(1.0, withMarkers.Confidence);
    }

    [Fact]
    public void Tags_are_found_in_the_caption_and_in_the_actors_arrays_and_say_where()
    {
        var config = Config(required: ["#brand"], mentions: ["@brand"]);

        var caption = Match(config, Post("#brand with @brand"));
        var arrays = Match(config, Post("no tags in this caption", hashtags: ["brand"], mentions: ["@brand"]));

        Assert.All(caption.Signals, signal => Assert.Equal(SignalSource.Caption, signal.Source));
        Assert.All(arrays.Signals, signal => Assert.Equal(SignalSource.ActorField, signal.Source));
        Assert.Equal(
            [new MatchedSignal(SignalKind.RequiredHashtag, "#brand", SignalSource.ActorField),
             new MatchedSignal(SignalKind.RequiredMention, "@brand", SignalSource.ActorField)],
            arrays.Signals);
        Assert.True(arrays.IsCampaignContent);
    }

    [Fact]
    public void A_youtube_title_counts_as_caption()
    {
        var result = Match(Config(required: ["#brand"]), Post(text: "description", title: "My review #Brand"));

        Assert.True(result.IsCampaignContent);
    }

    [Theory]
    [InlineData("#brandnew")]
    [InlineData("#brand_new")]
    [InlineData("#mybrand")]
    [InlineData("x#brand")]
    [InlineData("&#brand")]
    [InlineData("brand")]
    public void A_hashtag_matches_only_as_a_whole_token(string caption)
    {
        var result = Match(Config(required: ["#brand"]), Post(caption, hashtags: ["brandnew"]));

        Assert.Equal(0, result.Confidence);
        Assert.Equal(MatchVerdict.NoSignals, result.Verdict);
        Assert.Equal(["#brand"], result.MissingRequired);
    }

    [Theory]
    [InlineData("#brand")]
    [InlineData("(#brand)")]
    [InlineData("love it,#brand!")]
    [InlineData("#brand.")]
    [InlineData("🔥#brand🔥")]
    [InlineData("line one\n#brand")]
    public void A_hashtag_ends_at_punctuation_and_emoji(string caption)
    {
        Assert.True(Match(Config(required: ["#brand"]), Post(caption)).IsCampaignContent);
    }

    [Theory]
    [InlineData("@brandname_official", false)]
    [InlineData("@brandname.official", false)]
    [InlineData("write to anna@brandname.com", false)]
    [InlineData("thanks @brandname.", true)]
    [InlineData("thanks @brandname, love it", true)]
    public void A_mention_matches_only_the_whole_handle(string caption, bool expected)
    {
        Assert.Equal(expected, Match(Config(mentions: ["@brandname"]), Post(caption)).IsCampaignContent);
    }

    [Fact]
    public void Unicode_hashtags_match_in_any_case()
    {
        var config = Config(required: ["#Бренд", "#café", "#ブランド"]);

        var result = Match(config, Post("Завтрак с #БРЕНД, #CAFÉ и #ブランド"));

        Assert.Empty(result.MissingRequired);
        Assert.True(result.IsCampaignContent);
        Assert.Equal(["#бренд", "#café", "#ブランド"], result.Signals.Select(signal => signal.Value));
    }

    [Fact]
    public void Unicode_hashtags_are_whole_tokens_too()
    {
        Assert.False(Match(Config(required: ["#бренд"]), Post("#брендовый")).IsCampaignContent);
    }

    [Fact]
    public void The_tracking_link_is_found_in_the_caption_without_a_scheme()
    {
        var config = Config(link: "https://brandname.com/go/anna");

        var result = Match(config, Post("Shop here: BrandName.com/go/anna?utm_source=instagram!"));

        Assert.Equal(
            [new MatchedSignal(SignalKind.TrackingLink, "BrandName.com/go/anna?utm_source=instagram", SignalSource.Caption)],
            result.Signals);
        Assert.True(result.IsCampaignContent);
    }

    [Fact]
    public void The_tracking_link_is_found_in_the_actors_link_fields()
    {
        var config = Config(link: "brandname.com/go/*");

        var result = Match(config, Post("link in description", links: ["https://www.brandname.com/go/anna"]));

        Assert.Equal(SignalSource.ActorField, Assert.Single(result.Signals).Source);
        Assert.True(result.IsCampaignContent);
    }

    [Fact]
    public void Another_link_is_no_tracking_link()
    {
        var result = Match(Config(link: "brandname.com/go/anna"), Post("see notbrandname.com/go/anna and brandname.com/go/annabel"));

        Assert.Equal(MatchVerdict.NoSignals, result.Verdict);
    }

    [Theory]
    [InlineData(new[] { "#brand" }, new string[0])]
    [InlineData(new[] { "#brand", "#sponsored" }, new[] { "@brand" })]
    [InlineData(new string[0], new[] { "@brand", "@brand.global" })]
    public void All_required_tags_present_reach_the_default_minimum_whatever_else_is_configured(string[] required, string[] mentions)
    {
        var caption = string.Join(' ', required.Concat(mentions));
        foreach (var config in new[]
                 {
                     Config(required: required, mentions: mentions),
                     Config(required: required, mentions: mentions, optional: ["#summer", "#food"]),
                     Config(required: required, mentions: mentions, link: "brand.com/go"),
                     Config(required: required, mentions: mentions, optional: ["#summer"], link: "brand.com/go"),
                 })
        {
            var result = Match(config, Post(caption));

            Assert.True(result.Confidence >= 0.7, $"{result.Confidence} for {config}");
            Assert.True(result.IsCampaignContent);
            Assert.Empty(result.MissingRequired);
        }
    }

    [Fact]
    public void Nothing_present_gives_zero()
    {
        var config = Config(required: ["#brand"], optional: ["#summer"], mentions: ["@brand"], link: "brand.com/go");

        var result = Match(config, Post("Just my breakfast #food @friend other.com/go", hashtags: ["food"], mentions: ["friend"]));

        Assert.Equal(0, result.Confidence);
        Assert.Equal(MatchVerdict.NoSignals, result.Verdict);
        Assert.False(result.IsCampaignContent);
        Assert.Equal(["#brand", "@brand"], result.MissingRequired);
        Assert.NotNull(result.Reason);
    }

    [Fact]
    public void An_empty_tracking_config_matches_nothing_and_says_why()
    {
        var result = Match(TrackingConfig.Empty, Post("#brand @brand brand.com"));

        Assert.Equal(0, result.Confidence);
        Assert.Contains("names no hashtag", result.Reason);
    }

    [Fact]
    public void Some_required_tags_missing_stay_below_the_minimum_and_name_what_is_missing()
    {
        var result = Match(Config(required: ["#brand", "#sponsored"], mentions: ["@brand"]), Post("#brand"));

        Assert.Equal(MatchVerdict.BelowMinimumConfidence, result.Verdict);
        Assert.InRange(result.Confidence, 0.01, 0.69);
        Assert.Equal(["#sponsored", "@brand"], result.MissingRequired);
        Assert.Contains("missing #sponsored, @brand", result.Reason);
    }

    [Fact]
    public void The_brands_tracking_link_alone_is_enough()
    {
        var result = Match(Config(required: ["#brand"], link: "brand.com/go"), Post("use my link brand.com/go/anna"));

        Assert.True(result.IsCampaignContent);
        Assert.Equal(["#brand"], result.MissingRequired);
    }

    [Fact]
    public void Optional_hashtags_alone_only_support_when_required_tags_are_configured()
    {
        var result = Match(Config(required: ["#brand"], optional: ["#summer"]), Post("#summer"));

        Assert.Equal(MatchVerdict.BelowMinimumConfidence, result.Verdict);
    }

    [Fact]
    public void Optional_hashtags_decide_when_they_are_all_the_brand_configured()
    {
        var result = Match(Config(optional: ["#summer", "#beach"]), Post("#summer #beach"));

        Assert.Equal(1.0, result.Confidence);
        Assert.True(result.IsCampaignContent);
    }

    [Fact]
    public void A_stricter_minimum_is_honoured()
    {
        var config = Config(required: ["#brand"], optional: ["#summer"], minimum: 0.95);

        Assert.False(Match(config, Post("#brand")).IsCampaignContent);
        Assert.True(Match(config, Post("#brand #summer")).IsCampaignContent);
    }

    [Theory]
    [InlineData("2026-10-31T23:59:59Z", "before the campaign starts on 2026-11-01")]
    [InlineData("2026-12-01T00:00:00Z", "after the campaign ended on 2026-11-30")]
    public void A_post_published_outside_the_campaign_dates_is_not_campaign_content(string publishedAt, string reason)
    {
        var result = Match(Config(required: ["#brand"]), Post("#brand", postedAt: DateTimeOffset.Parse(publishedAt)));

        Assert.Equal(0, result.Confidence);
        Assert.Equal(MatchVerdict.OutsideCampaignDates, result.Verdict);
        Assert.False(result.IsCampaignContent);
        Assert.Contains(reason, result.Reason);
        Assert.Single(result.Signals);
    }

    [Theory]
    [InlineData("2026-11-01T00:00:00Z")]
    [InlineData("2026-11-30T23:59:59Z")]
    [InlineData("2026-11-30T20:00:00-02:00")]
    public void Both_campaign_days_are_included_in_utc(string publishedAt)
    {
        var result = Match(Config(required: ["#brand"]), Post("#brand", postedAt: DateTimeOffset.Parse(publishedAt)));

        Assert.True(result.IsCampaignContent);
    }

    [Fact]
    public void A_post_without_publish_time_cannot_be_placed_in_a_dated_campaign()
    {
        var post = Post("#brand") with { PostedAt = null };

        var dated = Match(Config(required: ["#brand"]), post);
        var undated = new PostMatcher(Config(required: ["#brand"]), CampaignPeriod.Unbounded).Match(post);

        Assert.Equal(MatchVerdict.PublishTimeUnknown, dated.Verdict);
        Assert.Equal(0, dated.Confidence);
        Assert.True(undated.IsCampaignContent);
    }

    [Fact]
    public void An_invalid_tracking_link_pattern_is_refused()
    {
        Assert.Throws<FormatException>(() => new PostMatcher(Config(link: "*"), November));
    }
}
