using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using static Campaigns.Tests.Influencer.TestPosts;

namespace Campaigns.Tests.Influencer;

/// <summary>
/// Property-style checks of the confidence formula: for several configurations, every set of present signals is
/// compared with every set that has one more, with each signal placed in the caption or in an actor field at random.
/// </summary>
public sealed class PostMatcherMonotonicityTests
{
    /// <summary>One way a post can carry one configured signal.</summary>
    private sealed record Signal(string Name, bool Required, Func<bool, (string Caption, string? Hashtag, string? Mention, string? Link)> Place);

    private static Signal Hashtag(string tag, bool required) =>
        new("#" + tag, required, inCaption => inCaption ? ($"#{tag}", null, null, null) : ("", tag, null, null));

    private static Signal Mention(string handle) =>
        new("@" + handle, true, inCaption => inCaption ? ($"@{handle}", null, null, null) : ("", null, handle, null));

    private static Signal Link(string link) =>
        new(link, false, inCaption => inCaption ? (link, null, null, null) : ("", null, null, "https://" + link));

    private static readonly (TrackingConfig Config, Signal[] Signals)[] Cases =
    [
        (Config(required: ["#brand"]), [Hashtag("brand", true)]),
        (Config(required: ["brand", "sponsored"], mentions: ["brand"]),
            [Hashtag("brand", true), Hashtag("sponsored", true), Mention("brand")]),
        (Config(required: ["brand"], optional: ["summer", "beach"], mentions: ["@brand"], link: "brand.com/go"),
            [Hashtag("brand", true), Hashtag("summer", false), Hashtag("beach", false), Mention("brand"), Link("brand.com/go/anna")]),
        (Config(optional: ["summer", "бренд", "café"], link: "*.brand.com/promo-*"),
            [Hashtag("summer", false), Hashtag("бренд", false), Hashtag("café", false), Link("shop.brand.com/promo-anna")]),
        (Config(required: ["a", "b", "c"], optional: ["d"], mentions: ["e", "f"], link: "bit.ly/Brand"),
            [Hashtag("a", true), Hashtag("b", true), Hashtag("c", true), Hashtag("d", false), Mention("e"), Mention("f"), Link("bit.ly/Brand")]),
    ];

    [Fact]
    public void Adding_a_matching_signal_never_lowers_confidence()
    {
        var random = new Random(20261123);
        var comparisons = 0;
        foreach (var (config, signals) in Cases)
        {
            var matcher = new PostMatcher(config, November);
            for (var present = 0; present < 1 << signals.Length; present++)
            {
                var placement = Enumerable.Range(0, signals.Length).Select(_ => random.Next(2) == 0).ToArray();
                var before = matcher.Match(PostWith(signals, present, placement)).Confidence;
                for (var added = 0; added < signals.Length; added++)
                {
                    if ((present & (1 << added)) != 0)
                    {
                        continue;
                    }

                    var after = matcher.Match(PostWith(signals, present | (1 << added), placement)).Confidence;
                    Assert.True(after >= before, $"Adding {signals[added].Name} to {Describe(signals, present)} lowered {before} to {after}.");
                    comparisons++;
                }
            }
        }

        Assert.True(comparisons > 500, $"only {comparisons} comparisons");
    }

    [Fact]
    public void Confidence_stays_between_zero_and_one_is_zero_without_signals_and_reaches_the_minimum_with_all_required()
    {
        foreach (var (config, signals) in Cases)
        {
            var matcher = new PostMatcher(config, November);
            var everyRequired = signals.Select((signal, index) => signal.Required ? 1 << index : 0).Sum();
            for (var present = 0; present < 1 << signals.Length; present++)
            {
                var result = matcher.Match(PostWith(signals, present, new bool[signals.Length]));

                Assert.InRange(result.Confidence, 0, 1);
                Assert.Equal(present == 0, result.Confidence == 0);
                if (everyRequired != 0 && (present & everyRequired) == everyRequired)
                {
                    Assert.True(result.Confidence >= 0.7, $"{Describe(signals, present)}: {result.Confidence}");
                }
            }

            var all = matcher.Match(PostWith(signals, (1 << signals.Length) - 1, new bool[signals.Length]));
            Assert.Equal(1.0, all.Confidence);
        }
    }

    private static ScrapedPost PostWith(Signal[] signals, int present, bool[] inCaption)
    {
        var caption = new List<string> { "Morning routine" };
        var hashtags = new List<string>();
        var mentions = new List<string>();
        var links = new List<string>();
        for (var index = 0; index < signals.Length; index++)
        {
            if ((present & (1 << index)) == 0)
            {
                continue;
            }

            var (text, hashtag, mention, link) = signals[index].Place(inCaption[index]);
            caption.Add(text);
            if (hashtag is not null) hashtags.Add(hashtag);
            if (mention is not null) mentions.Add(mention);
            if (link is not null) links.Add(link);
        }

        return Post(string.Join(' ', caption), hashtags, mentions, links);
    }

    private static string Describe(Signal[] signals, int present) =>
        "{" + string.Join(", ", signals.Where((_, index) => (present & (1 << index)) != 0).Select(signal => signal.Name)) + "}";
}
