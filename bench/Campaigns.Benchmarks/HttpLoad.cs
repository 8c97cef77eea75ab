using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace Campaigns.Benchmarks;

/// <summary>
/// HTTP/1.1 operations on loopback through one <see cref="SocketsHttpHandler"/> per scenario (one
/// connection per worker). Request messages are built once per worker and re-sent: the handler, unlike
/// <see cref="HttpClient"/>, does not refuse a message it has sent before, so the hot loop allocates
/// only what the handler itself needs.
/// </summary>
public sealed class HttpLoad : IDisposable
{
    private readonly SocketsHttpHandler handler;
    private readonly HttpMessageInvoker invoker;

    public HttpLoad(int connections)
    {
        handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ActivityHeadersPropagator = null,
        };
        invoker = new HttpMessageInvoker(handler, disposeHandler: false);
    }

    public static HttpRequestMessage Get(Uri uri, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return request;
    }

    public static HttpRequestMessage PostJson(Uri uri, string? apiKey, byte[] json)
    {
        var request = Get(uri, apiKey);
        request.Method = HttpMethod.Post;
        request.Content = new ByteArrayContent(json);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    /// <summary>A worker cycling through its own requests, each expected to answer <paramref name="expected"/>.</summary>
    public Operation Worker(IReadOnlyList<HttpRequestMessage> requests, HttpStatusCode expected)
    {
        var buffer = new byte[16 * 1024];
        var next = 0;
        return Send;

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        async ValueTask Send(CancellationToken cancellationToken)
        {
            var request = requests[next];
            next = next + 1 == requests.Count ? 0 : next + 1;
            using var response = await invoker.SendAsync(request, cancellationToken);
            await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                while (await stream.ReadAsync(buffer, cancellationToken) > 0)
                {
                }
            }

            if (response.StatusCode != expected)
            {
                throw new HttpRequestException($"{request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}, expected {(int)expected}.");
            }
        }
    }

    public void Dispose()
    {
        invoker.Dispose();
        handler.Dispose();
    }
}
