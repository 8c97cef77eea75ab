using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// The built API host (<c>Campaigns.Api.dll</c>, co-hosting a silo) run as a separate OS process, as in production,
/// so a test can kill it outright. Settings go on the command line as <c>--Key=value</c>; HTTP, silo and gateway ports
/// are picked free. What the process writes is kept (its last lines) for assertion messages.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private const int KeptLines = 5000;
    private const int ShownLines = 150;

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ApiProcess(string name, Process process, Uri address, int siloPort)
    {
        Name = name;
        this.process = process;
        Address = address;
        SiloPort = siloPort;
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>The silo-to-silo port, which is how Orleans' silo addresses name this process.</summary>
    public int SiloPort { get; }

    /// <remarks>
    /// Free ports are picked before the process binds them, so another process on this machine can take one in between;
    /// a start that fails on an address in use is retried on new ports.
    /// </remarks>
    /// <param name="listenOn">
    /// When given, the process is told nothing about its address on the command line: it must find it in
    /// <paramref name="environment"/> (<c>ASPNETCORE_URLS</c> and the like), and is probed at this address.
    /// </param>
    public static async Task<ApiProcess> Start(
        string name, IReadOnlyDictionary<string, string> settings, TimeSpan readyWithin,
        IReadOnlyDictionary<string, string>? environment = null, Uri? listenOn = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = Launch(name, settings, environment, listenOn);
            try
            {
                await started.WaitUntilReady(readyWithin);
                return started;
            }
            catch (InvalidOperationException) when (attempt < 3 && started.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await started.DisposeAsync();
            }
            catch
            {
                await started.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>SIGKILL, as a crashed machine or an OOM kill: no graceful leave, nothing flushed.</summary>
    public async Task Kill()
    {
        KillIfRunning();
        await process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>
    /// The last lines the process wrote (stdout and stderr interleaved), prefixed with its name, without stack frames:
    /// an exception's messages say what went wrong, and a few of them would otherwise fill the whole message.
    /// </summary>
    public string Output => string.Join('\n', output
        .Where(line => !IsStackFrame(line))
        .TakeLast(ShownLines)
        .Select(line => $"[{Name}] {line}"));

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        // Killed rather than stopped: the cluster id is the test's own, so a graceful leave would only cost time.
        KillIfRunning();
        await process.WaitForExitAsync(CancellationToken.None);
        process.Dispose();
    }

    private void KillIfRunning()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) when (process.HasExited)
        {
            // It ended by itself (a failed start): nothing left to kill.
        }
    }

    private static ApiProcess Launch(
        string name, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment, Uri? listenOn)
    {
        var address = listenOn ?? new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var siloPort = FreePorts.Next();
        var all = new Dictionary<string, string>(settings)
        {
            ["Orleans:SiloPort"] = siloPort.ToString(),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(),
        };
        if (listenOn is null)
        {
            // --urls outranks every other source, so an address in this machine's environment cannot move the process.
            all["Urls"] = address.GetLeftPart(UriPartial.Authority);
        }

        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Settings inherited from this machine's environment (Section__Key) would silently replace the product's defaults.
        foreach (var inherited in info.Environment.Keys.Where(key => key.Contains("__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Campaigns.Api.dll"));
        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        var process = new Process { StartInfo = info };
        var started = new ApiProcess(name, process, address, siloPort);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
        while (output.Count > KeptLines)
        {
            output.TryDequeue(out _);
        }
    }

    private static bool IsStackFrame(string line)
    {
        // Each kept line starts with a 12-character time stamp and a space.
        var text = line.AsSpan(Math.Min(line.Length, 13)).TrimStart();
        return text.StartsWith("at ", StringComparison.Ordinal) || text.StartsWith("--- End of", StringComparison.Ordinal);
    }

    /// <summary>Ready means PostgreSQL answered and the silo joined the cluster (<c>/health/ready</c>).</summary>
    private async Task WaitUntilReady(TimeSpan within)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await probe.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // A probe that timed out while the process starts up.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {within}:\n{Output}");
    }
}
