using System.Net.Sockets;

namespace Campaigns.Tests.Integrations.Telegram;

/// <summary>
/// An <see cref="IHttpClientFactory"/> whose first <paramref name="refusals"/> requests fail as a refused connect does
/// (before any byte leaves), and whose later ones go to the network: the one failure that proves Telegram has nothing.
/// </summary>
public sealed class RefusingFirstConnections(int refusals) : IHttpClientFactory
{
    private readonly int scripted = refusals;
    private int remaining = refusals;

    public int Refused => scripted - Math.Max(0, Volatile.Read(ref remaining));

    public HttpClient CreateClient(string name) => new(new Handler(this), disposeHandler: true);

    private sealed class Handler(RefusingFirstConnections owner) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref owner.remaining) >= 0
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (api.telegram.org:443)",
                    new SocketException((int)SocketError.ConnectionRefused))
                : base.SendAsync(request, cancellationToken);
    }
}
