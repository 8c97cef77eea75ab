using Campaigns.Silo.Hosting;
using Campaigns.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Campaigns.Tests.Hosting;

/// <summary>
/// The listen address follows the deployer's ASP.NET Core settings (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls);
/// 127.0.0.1:8080 is only the default when none is set. See README, "The two commands".
/// </summary>
public sealed class ListenAddressTests(PostgresFixture postgres)
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(2);

    [Fact]
    public void Nothing_configured_gives_the_default()
    {
        Assert.Equal(ListenAddress.ApiDefault, ListenAddress.DefaultFor(Configuration(), ListenAddress.ApiDefault));
        Assert.Equal("http://127.0.0.1:8080", ListenAddress.ApiDefault);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:9000")]
    [InlineData("Urls", "http://127.0.0.1:9001")]
    [InlineData("http_ports", "9002")]
    [InlineData("https_ports", "9443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:9003")]
    public void Any_configured_address_or_port_wins_over_the_default(string key, string value)
    {
        Assert.Null(ListenAddress.DefaultFor(Configuration((key, value)), ListenAddress.ApiDefault));
    }

    [Fact]
    public void Blank_settings_count_as_not_set()
    {
        Assert.Equal(ListenAddress.ApiDefault, ListenAddress.DefaultFor(Configuration(("urls", " "), ("http_ports", "")), ListenAddress.ApiDefault));
    }

    [Fact]
    public void The_command_line_urls_switch_is_read_as_an_address()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:9004"] });

        Assert.True(ListenAddress.IsConfigured(builder.Configuration));
    }

    [Fact]
    public async Task The_api_process_listens_where_ASPNETCORE_URLS_says()
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");

        await using var api = await ApiProcess.Start(
            "api-urls", Settings(), ReadyWithin,
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = address.GetLeftPart(UriPartial.Authority) }, listenOn: address);

        await Announced(api, $"API             {address.GetLeftPart(UriPartial.Authority)}/api/campaigns");
    }

    [Fact]
    public async Task The_api_process_listens_on_ASPNETCORE_HTTP_PORTS()
    {
        var port = FreePorts.Next();

        await using var api = await ApiProcess.Start(
            "api-http-ports", Settings(), ReadyWithin,
            new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = port.ToString() }, listenOn: new Uri($"http://127.0.0.1:{port}"));

        await Announced(api, $":{port}/api/campaigns");
        Assert.DoesNotContain(":8080/", api.Output, StringComparison.Ordinal);
    }

    /// <summary>The banner is written just after the start, so it can trail the first ready probe by a moment.</summary>
    private static Task<string> Announced(ApiProcess api, string text) => Waiting.Eventually(
        () => Task.FromResult(api.Output), output => output.Contains(text, StringComparison.Ordinal), $"'{text}' in the start banner", TimeSpan.FromSeconds(10));

    private Dictionary<string, string> Settings()
    {
        var clusterId = $"test-listen-{Guid.NewGuid():N}";
        return new Dictionary<string, string>
        {
            ["ConnectionStrings:Campaigns"] = postgres.ConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Apify:WorkerEnabled"] = "false",
        };
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
