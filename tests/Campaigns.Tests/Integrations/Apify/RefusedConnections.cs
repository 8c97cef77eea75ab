using System.Net;
using System.Net.Sockets;

namespace Campaigns.Tests.Integrations.Apify;

/// <summary>
/// Sits under the retry handler and sends the first <c>refusals</c> attempts to a closed local port, so they fail as
/// a real refused connection does (HttpRequestError.ConnectionError) before any byte reaches the simulator.
/// </summary>
internal sealed class RefusedConnections(int refusals) : DelegatingHandler
{
    private static readonly Lazy<int> ClosedPort = new(() =>
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    });

    // The retry handler sends the same request message again, so the real address is kept to put back.
    private static readonly HttpRequestOptionsKey<Uri> RealAddress = new("Campaigns.Tests.RefusedConnections.RealAddress");

    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(RealAddress, out var real))
            request.RequestUri = real;
        if (Interlocked.Increment(ref attempts) <= refusals && request.RequestUri is { } uri)
        {
            request.Options.Set(RealAddress, uri);
            request.RequestUri = new UriBuilder(uri) { Port = ClosedPort.Value }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
