using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Campaigns.Silo.Hosting;

namespace Campaigns.Benchmarks;

/// <summary>
/// The single-command system as a user runs it: <c>dotnet Campaigns.Api.dll</c> (Release) with no
/// connection string, so it starts its own PostgreSQL in a fresh data folder under the temp directory.
/// Ports are chosen free so parallel test runs on the same machine do not collide. Stopping sends
/// SIGTERM (a user's Ctrl+C), which makes the host stop its silo and its PostgreSQL in order.
/// </summary>
public sealed partial class SystemUnderTest : IAsyncDisposable
{
    private const int Sigterm = 15;
    private const string Database = "campaigns";
    private readonly Process process;
    private readonly string apiDll;
    private readonly string workDirectory;
    private readonly bool keepData;
    private readonly Dictionary<string, string> environment;
    private readonly ConcurrentQueue<string> outputTail = new();
    private int outputSinceReady;
    private bool stopped;

    private SystemUnderTest(Process process, string apiDll, string workDirectory, bool keepData, Dictionary<string, string> environment, Uri baseAddress)
    {
        this.process = process;
        this.apiDll = apiDll;
        this.workDirectory = workDirectory;
        this.keepData = keepData;
        this.environment = environment;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public string DataDirectory => Path.Combine(workDirectory, "postgres");

    /// <summary>Lines the host wrote to stdout/stderr after it became ready (with Warning logging, ideally none).</summary>
    public int OutputLinesSinceReady => Volatile.Read(ref outputSinceReady);

    public IEnumerable<string> OutputTail => outputTail;

    /// <param name="extraEnvironment">Settings added to the host's environment (the influencer scenario's Apify settings).</param>
    public static async Task<SystemUnderTest> Start(string apiDll, bool keepData, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var workDirectory = Path.Combine(Path.GetTempPath(), $"campaigns-bench-{Guid.NewGuid():N}"[..28]);
        Directory.CreateDirectory(workDirectory);
        var httpPort = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["LocalPostgres__DataDirectory"] = Path.Combine(workDirectory, "postgres"),
            ["Orleans__SiloPort"] = FreePort().ToString(),
            ["Orleans__GatewayPort"] = FreePort().ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var info = Dotnet(apiDll, environment);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var sut = new SystemUnderTest(process, apiDll, workDirectory, keepData, environment, new Uri($"http://127.0.0.1:{httpPort}/"));
        process.OutputDataReceived += (_, e) => sut.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => sut.Capture(e.Data);
        Console.WriteLine($"Starting the system: dotnet {apiDll} (Urls={environment["Urls"]}, LocalPostgres__DataDirectory={environment["LocalPostgres__DataDirectory"]})");
        process.Start();
        Console.WriteLine($"Host process id {process.Id}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await sut.WaitUntilReady(TimeSpan.FromMinutes(3), cancellationToken);
        }
        catch
        {
            await sut.DisposeAsync();
            throw;
        }

        return sut;
    }

    /// <summary>Runs <c>bootstrap --org … --email …</c> against the running system, exactly as its README says.</summary>
    public async Task<(Guid OrganizationId, string ApiKey)> Bootstrap(string organization, string email, CancellationToken cancellationToken)
    {
        var info = Dotnet(apiDll, environment);
        info.ArgumentList.Add("bootstrap");
        info.ArgumentList.Add("--org");
        info.ArgumentList.Add(organization);
        info.ArgumentList.Add("--email");
        info.ArgumentList.Add(email);
        using var bootstrap = Process.Start(info) ?? throw new InvalidOperationException("Could not start the bootstrap command.");
        var stdout = bootstrap.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = bootstrap.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await bootstrap.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        var key = ApiKeyLine().Match(output);
        var org = OrganizationLine().Match(output);
        if (bootstrap.ExitCode != 0 || !key.Success || !org.Success)
        {
            throw new InvalidOperationException($"bootstrap failed (exit {bootstrap.ExitCode}):\n{output}\n{await stderr}");
        }

        return (Guid.Parse(org.Groups[1].Value), key.Groups[1].Value);
    }

    /// <summary>The system's own PostgreSQL, joined (not restarted) through the project's <see cref="LocalPostgres"/>.</summary>
    public async Task<string> AttachDatabase(CancellationToken cancellationToken)
    {
        var server = await LocalPostgres.Start(DataDirectory, null, Database, durable: true, deleteOnDispose: false, cancellationToken);
        await server.DisposeAsync(); // attached, not owned: this leaves the server running
        return server.ConnectionString;
    }

    /// <summary>The PostgreSQL server's main process id, from the first line of postmaster.pid.</summary>
    public int? PostmasterPid()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) ? pid : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        if (!process.HasExited)
        {
            Console.WriteLine("Stopping the system (SIGTERM)...");
            _ = kill(process.Id, Sigterm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("The host did not stop within 60 s; killing it.");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        // The host stops its PostgreSQL on a clean shutdown; if it could not, stop it here.
        if (PostmasterPid() is { } pid && IsAlive(pid))
        {
            Console.Error.WriteLine("PostgreSQL is still running after the host exited; stopping it.");
            await StopPostgres();
        }

        process.Dispose();
        if (!keepData)
        {
            try
            {
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Could not delete {workDirectory}: {e.Message}");
            }
        }
        else
        {
            Console.WriteLine($"Kept the data folder {workDirectory}.");
        }
    }

    private static ProcessStartInfo Dotnet(string apiDll, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        info.ArgumentList.Add(apiDll);

        // The single-command path: no external database, co-hosted silo.
        info.Environment.Remove("ConnectionStrings__Campaigns");
        info.Environment.Remove("Orleans__Mode");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref outputSinceReady);
        outputTail.Enqueue(line);
        while (outputTail.Count > 200)
        {
            outputTail.TryDequeue(out _);
        }
    }

    private async Task WaitUntilReady(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready:\n{string.Join('\n', outputTail)}");
            }

            try
            {
                using var response = await client.GetAsync("health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Console.WriteLine($"System ready after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s.");
                    Volatile.Write(ref outputSinceReady, 0);
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // not listening yet
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The host was not ready within {limit.TotalSeconds} s:\n{string.Join('\n', outputTail)}");
    }

    private async Task StopPostgres()
    {
        var pgCtl = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", "pg_ctl"))
                .Where(File.Exists)
                .OrderDescending(StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        pgCtl ??= "pg_ctl";
        var asRoot = Environment.UserName == "root";
        var info = new ProcessStartInfo(asRoot ? "runuser" : pgCtl) { UseShellExecute = false };
        foreach (var a in (string[])[.. asRoot ? ["-u", "postgres", "--", pgCtl] : Array.Empty<string>(), "stop", "-D", DataDirectory, "-m", "fast", "-w"])
        {
            info.ArgumentList.Add(a);
        }

        using var stop = Process.Start(info);
        if (stop is not null)
        {
            await stop.WaitForExitAsync();
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [GeneratedRegex(@"API key \(shown once, store it now\): (\S+)")]
    private static partial Regex ApiKeyLine();

    [GeneratedRegex(@"organization '.*' \(([0-9a-f-]{36})\)", RegexOptions.IgnoreCase)]
    private static partial Regex OrganizationLine();
}
