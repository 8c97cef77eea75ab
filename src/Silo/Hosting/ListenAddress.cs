using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Campaigns.Silo.Hosting;

/// <summary>
/// Where a host listens: wherever the deployer said, the way any ASP.NET Core app is told
/// (<c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> / <c>ASPNETCORE_HTTPS_PORTS</c>, <c>--urls</c>, a <c>Urls</c> setting,
/// or <c>Kestrel:Endpoints</c>), and only when none of them is set, a loopback default. The default is applied in code
/// rather than written as <c>Urls</c> in appsettings.json, because that setting outranks <c>ASPNETCORE_URLS</c>
/// and would silently win over the deployer's choice (README, "The two commands").
/// </summary>
public static class ListenAddress
{
    /// <summary>The API host's address when nothing is configured: loopback only, so a bare start exposes nothing.</summary>
    public const string ApiDefault = "http://127.0.0.1:8080";

    /// <summary>A stand-alone silo's address (dashboard and probes) when nothing is configured; beside an API host on 8080.</summary>
    public const string SiloDefault = "http://127.0.0.1:8081";

    /// <summary>True when the configuration names an address or port by any of the ways ASP.NET Core reads.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        HasValue(configuration, WebHostDefaults.ServerUrlsKey)
        || HasValue(configuration, WebHostDefaults.HttpPortsKey)
        || HasValue(configuration, WebHostDefaults.HttpsPortsKey)
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    /// <summary>The address to impose, or null when the configuration already says where to listen.</summary>
    public static string? DefaultFor(IConfiguration configuration, string fallback) =>
        IsConfigured(configuration) ? null : fallback;

    /// <summary>Listens on <paramref name="fallback"/> unless the configuration names an address; call after every configuration source is added.</summary>
    public static void UseDefaultListenAddress(this IWebHostBuilder webHost, IConfiguration configuration, string fallback)
    {
        if (DefaultFor(configuration, fallback) is { } address)
        {
            webHost.UseUrls(address);
        }
    }

    private static bool HasValue(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
