using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

public sealed class AudienceSizeTests
{
    [Theory]
    [InlineData("micro", AudienceSize.Micro)]
    [InlineData("mid-tier", AudienceSize.MidTier)]
    [InlineData(" Macro ", AudienceSize.Macro)]
    [InlineData("MEGA", AudienceSize.Mega)]
    public void Seed_spellings_parse(string text, AudienceSize expected) =>
        Assert.Equal(expected, AudienceSizes.Parse(text));

    [Theory]
    [InlineData("midtier")]
    [InlineData("nano")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_spellings_do_not_parse(string? text) => Assert.Null(AudienceSizes.Parse(text));

    [Fact]
    public void Bands_are_contiguous_and_each_count_is_in_at_most_one()
    {
        var sizes = Enum.GetValues<AudienceSize>();
        for (var i = 1; i < sizes.Length; i++)
        {
            Assert.Equal(AudienceSizes.Bounds(sizes[i - 1]).MaxExclusive, AudienceSizes.Bounds(sizes[i]).Min);
        }

        Assert.Equal(1_000, AudienceSizes.Bounds(AudienceSize.Micro).Min);
        Assert.Null(AudienceSizes.Bounds(AudienceSize.Mega).MaxExclusive);
        Assert.All(sizes, s => Assert.Equal(s, AudienceSizes.Parse(AudienceSizes.Name(s))));
    }
}
