using System.Text.Json.Nodes;
using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

public sealed class ApifyActorInputTests
{
    [Theory]
    [InlineData("annacooks", "https://www.youtube.com/@annacooks")]
    [InlineData("@anna.cooks_1", "https://www.youtube.com/@anna.cooks_1")]
    [InlineData("evil/../watch?v=x#frag", "https://www.youtube.com/@evil%2F..%2Fwatch%3Fv%3Dx%23frag")]
    [InlineData("анна", "https://www.youtube.com/@%D0%B0%D0%BD%D0%BD%D0%B0")]
    public void A_youtube_handle_stays_one_path_segment_of_the_channel_url(string target, string url)
    {
        var job = new ApifyJob(Guid.NewGuid(), Guid.NewGuid(), ApifyJobType.ProfileScrape, SocialPlatform.Youtube, target, "{}", 80,
            ApifyJobStatus.Pending, null, 0, 3, null, null, 1, null, null, null, null, DateTimeOffset.UtcNow, null, null, DateTimeOffset.UtcNow);

        var input = JsonNode.Parse(ApifyActorInput.For(job))!;

        Assert.Equal(url, input["startUrls"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("www.youtube.com", new Uri(url).Host);
    }
}
