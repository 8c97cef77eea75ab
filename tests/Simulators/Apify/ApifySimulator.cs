using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Simulators.Apify;

/// <summary>
/// Apify's REST API v2 on a free 127.0.0.1 port: runs (synchronous and asynchronous), run status, dataset items,
/// bearer-token checks, per-profile datasets and scripted faults. Every request is recorded.
/// </summary>
public sealed class ApifySimulator : IAsyncDisposable
{
    public const string DefaultToken = "apify_api_SIMULATOR0000000000000000000000";

    private readonly WebApplication host;
    private readonly SimulatedApify apify;
    private readonly TimeProvider time;
    private readonly ConcurrentQueue<RecordedApifyRequest> requests = new();

    private ApifySimulator(WebApplication host, SimulatedApify apify, ApifyFaults faults, string token, TimeProvider time)
    {
        this.host = host;
        this.apify = apify;
        this.time = time;
        Faults = faults;
        Token = token;
    }

    /// <summary>The base address to configure as <c>Apify__BaseUrl</c>, e.g. <c>http://127.0.0.1:49152</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The only token the simulator accepts; any other gets Apify's 401.</summary>
    public string Token { get; }

    public ApifyFaults Faults { get; }

    public IReadOnlyList<RecordedApifyRequest> Requests => requests.ToArray();

    /// <summary>Every run started, synchronously or not, oldest first: what Apify would bill.</summary>
    public IReadOnlyList<SimulatedRunRecord> Runs => apify.Runs;

    public int CountRequests(ApifyEndpoint endpoint) =>
        requests.Count(request => endpoint == ApifyEndpoint.Any || request.Endpoint == endpoint);

    public static async Task<ApifySimulator> Start(string token = DefaultToken, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var host = builder.Build();

        var clock = time ?? TimeProvider.System;
        var faults = new ApifyFaults();
        var simulator = new ApifySimulator(host, new SimulatedApify(token, faults, clock), faults, token, clock);
        host.Run(simulator.Handle);

        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        simulator.BaseUrl = address.TrimEnd('/');
        return simulator;
    }

    /// <summary>The dataset <paramref name="actorId"/> returns for <paramref name="username"/>, replacing the generated sample.</summary>
    public void SetItems(string actorId, string username, params JsonObject[] items) =>
        apify.SetItems(actorId, username, new JsonArray(items.Select(item => (JsonNode)item.DeepClone()).ToArray()));

    /// <summary>As <see cref="SetItems(string, string, JsonObject[])"/>, from a JSON array.</summary>
    public void SetItems(string actorId, string username, string itemsJson) =>
        apify.SetItems(actorId, username, JsonNode.Parse(itemsJson) as JsonArray ?? throw new ArgumentException("Items must be a JSON array.", nameof(itemsJson)));

    /// <summary>How the next asynchronous run behaves; unscripted runs succeed after one RUNNING poll.</summary>
    public void ScriptNextRun(ApifyRunScript script) => apify.ScriptNextRun(script);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }

    private async Task Handle(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var endpoint = ApifyEndpoints.Classify(request.Method, path);
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;

        SimulatorAnswer answer;
        try
        {
            answer = await apify.Answer(endpoint, path.Trim('/').Split('/'), authorization, request.Query["token"].FirstOrDefault(), body, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up on a hung request; record it, there is no one left to answer.
            answer = SimulatorAnswer.Dropped;
        }
        requests.Enqueue(new RecordedApifyRequest(endpoint, request.Method, path, request.QueryString.Value ?? "", authorization, body, answer.Status, time.GetUtcNow()));

        if (answer.DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.Body?.ToJsonString(JsonOptions) ?? "", context.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
}
