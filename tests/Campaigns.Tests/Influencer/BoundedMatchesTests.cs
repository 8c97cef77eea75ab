using System.Diagnostics;
using System.Text.RegularExpressions;
using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

public sealed class BoundedMatchesTests
{
    [Fact]
    public void An_expression_past_its_limit_gives_what_it_found_instead_of_failing()
    {
        // Nested quantifiers against a run that almost matches: exponential backtracking in a backtracking engine.
        var catastrophic = new Regex(@"ok|(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(100));
        var text = "ok " + new string('a', 40) + "!";

        var stopwatch = Stopwatch.StartNew();
        var found = BoundedMatches.Of(catastrophic, text);

        Assert.Equal(["ok"], found.Select(m => m.Value));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Throws<RegexMatchTimeoutException>(() => catastrophic.Matches(text).Count);
    }

    [Fact]
    public void Caption_tokens_read_a_long_hostile_caption_in_bounded_time()
    {
        var caption = "#brandx @brand.x brandx.com/go " + string.Concat(Enumerable.Repeat("a-", 50_000)) + new string('@', 10_000);
        var stopwatch = Stopwatch.StartNew();

        Assert.Contains("brandx", CaptionTokens.Hashtags(caption));
        Assert.Contains("brand.x", CaptionTokens.Mentions(caption));
        Assert.Contains("brandx.com/go", CaptionTokens.Links(caption));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
    }
}
