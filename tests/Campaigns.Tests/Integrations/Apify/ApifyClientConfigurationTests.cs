using Campaigns.Integrations.Apify;
using Campaigns.Simulators.Apify;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Campaigns.Tests.Integrations.Apify;

/// <summary>Binding of the <c>Apify</c> section, and the "not configured" state when no token is set.</summary>
public sealed class ApifyClientConfigurationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Without_a_token_the_client_says_it_is_not_configured_and_calls_nothing(string token)
    {
        await using var simulator = await ApifySimulator.Start();
        await using var harness = ApifyClientHarness.For(simulator, token: token);

        Assert.False(harness.Client.IsConfigured);
        Assert.Contains("Apify__Token", harness.Client.NotConfiguredReason);

        var error = await Assert.ThrowsAsync<ApifyException>(() =>
            harness.Client.RunActorAndGetItems(ApifySampleItems.InstagramPostActor, ApifyInputs.InstagramPosts("someone"), ApifyInputs.Budget, Cancellation));
        Assert.Equal(ApifyException.Types.NotConfigured, error.ErrorType);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task With_a_token_the_client_is_configured()
    {
        await using var simulator = await ApifySimulator.Start();
        await using var harness = ApifyClientHarness.For(simulator);

        Assert.True(harness.Client.IsConfigured);
        Assert.Null(harness.Client.NotConfiguredReason);
    }

    [Fact]
    public async Task Defaults_name_the_public_API_and_one_actor_per_platform_and_scrape_kind()
    {
        await using var harness = ApifyClientHarness.Build(new ConfigurationBuilder().Build());
        var options = OptionsOf(harness);

        Assert.Equal("https://api.apify.com", options.BaseUrl);
        Assert.False(options.HasToken);
        Assert.Equal("apify~instagram-profile-scraper", options.Actors.For("instagram", ScrapeKind.Profile));
        Assert.Equal("apify~instagram-post-scraper", options.Actors.For("instagram", ScrapeKind.Posts));
        Assert.Equal("clockworks~tiktok-scraper", options.Actors.For("tiktok", ScrapeKind.Posts));
        Assert.Equal("streamers~youtube-scraper", options.Actors.For("YouTube", ScrapeKind.Posts));
        Assert.Null(options.Actors.For("telegram", ScrapeKind.Posts));
    }

    [Fact]
    public async Task Actors_and_endpoint_are_read_from_the_Apify_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Apify:BaseUrl"] = "http://127.0.0.1:9",
            ["Apify:Token"] = "apify_api_configured",
            ["Apify:Actors:TikTokPosts"] = "someone~tiktok-posts",
        }).Build();
        await using var harness = ApifyClientHarness.Build(configuration);
        var options = OptionsOf(harness);

        Assert.Equal("http://127.0.0.1:9", options.BaseUrl);
        Assert.True(options.HasToken);
        Assert.Equal("someone~tiktok-posts", options.Actors.For("tiktok", ScrapeKind.Posts));
        Assert.Equal("clockworks~tiktok-scraper", options.Actors.For("tiktok", ScrapeKind.Profile));
    }

    [Fact]
    public async Task A_base_url_that_is_not_an_absolute_http_url_is_refused_with_the_setting_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Apify:BaseUrl"] = "api.apify.com",
            ["Apify:Token"] = "apify_api_configured",
        }).Build();
        await using var harness = ApifyClientHarness.Build(configuration);

        var error = Assert.Throws<OptionsValidationException>(() => harness.Client);
        Assert.Contains("Apify:BaseUrl", error.Message);
    }

    private static ApifyOptions OptionsOf(ApifyClientHarness harness) =>
        harness.Services.GetRequiredService<IOptions<ApifyOptions>>().Value;
}
