using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

public sealed class TrackingLinkPatternTests
{
    [Theory]
    [InlineData("brand.com/go/anna", "https://brand.com/go/anna", true)]
    [InlineData("brand.com/go/anna", "http://www.brand.com/go/anna", true)]
    [InlineData("https://brand.com/go/anna", "brand.com/go/anna", true)]
    [InlineData("brand.com/go/anna", "BRAND.COM/go/anna", true)]
    [InlineData("brand.com/go/anna", "brand.com:443/go/anna", true)]
    [InlineData("brand.com/go/anna", "brand.com/go/anna?utm_source=ig", true)]
    [InlineData("brand.com/go/anna", "brand.com/go/anna/summer", true)]
    [InlineData("brand.com/go/anna", "brand.com/go/anna#top", true)]
    [InlineData("brand.com/go/anna/", "brand.com/go/anna", true)]
    [InlineData("brand.com/go/anna", "brand.com/go/annabel", false)]
    [InlineData("brand.com/go/anna", "brand.com/go/ANNA", false)]
    [InlineData("brand.com", "notbrand.com", false)]
    [InlineData("brand.com", "brand.com.evil.io/x", false)]
    [InlineData("brand.com", "shop.brand.com", false)]
    [InlineData("*.brand.com", "shop.brand.com/x", true)]
    [InlineData("*.brand.com", "brand.com", true)]
    [InlineData("*.brand.com", "shopbrand.com", false)]
    [InlineData("bit.ly/brand-*", "https://bit.ly/brand-anna", true)]
    [InlineData("bit.ly/brand-*", "https://bit.ly/other-anna", false)]
    [InlineData("brand.com/*/anna", "brand.com/ru/anna", true)]
    [InlineData("brand.com/go?ref=", "brand.com/go?ref=anna", true)]
    [InlineData("brand.com/go?ref=", "brand.com/go?src=anna", false)]
    [InlineData("бренд.рф/промо", "https://БРЕНД.РФ/промо", true)]
    public void A_link_matches_the_documented_pattern_syntax(string pattern, string link, bool expected)
    {
        Assert.Equal(expected, TrackingLinkPattern.Parse(pattern).Matches(link));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("https://*")]
    [InlineData("brand.com/go anna")]
    public void A_pattern_without_a_host_or_with_spaces_is_refused(string pattern)
    {
        Assert.False(TrackingLinkPattern.TryParse(pattern, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Regex_characters_in_a_pattern_are_literal()
    {
        var pattern = TrackingLinkPattern.Parse("brand.com/a+b(c)");

        Assert.True(pattern.Matches("brand.com/a+b(c)"));
        Assert.False(pattern.Matches("brandxcom/aab(c)"));
    }
}
