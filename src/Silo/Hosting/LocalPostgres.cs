using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Campaigns.Silo.Hosting;

/// <summary>
/// A private PostgreSQL server run from the machine's own binaries, for the one-command developer
/// mode and for tests. It listens on loopback only, on a free port chosen at each start.
/// </summary>
public sealed partial class LocalPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly string pgCtl;
    private readonly bool owned;
    private readonly bool deleteOnDispose;
    private bool stopped;

    private LocalPostgres(string pgCtl, string dataDirectory, int port, string database, bool owned, bool deleteOnDispose)
    {
        this.pgCtl = pgCtl;
        this.owned = owned;
        this.deleteOnDispose = deleteOnDispose;
        DataDirectory = dataDirectory;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = ServiceUser,
            Database = database,
            // PostgreSQL runs a process per connection: beyond a few busy backends per core they only
            // contend (on 2 cores, 4 connections serve 4× the selects/s of 64). Callers queue in the pool instead.
            MaxPoolSize = Math.Max(8, Environment.ProcessorCount * 4),
        }.ConnectionString;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionString { get; }

    public static string MissingBinariesMessage =>
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found. Install them " +
        "(Debian/Ubuntu: 'apt-get install postgresql'), set LocalPostgres__BinDirectory to their folder, " +
        "or set ConnectionStrings__Campaigns to an existing PostgreSQL server.";

    /// <param name="durable">False turns fsync off: for throwaway test clusters only.</param>
    /// <param name="deleteOnDispose">Removes the data folder after stopping: for throwaway test clusters only.</param>
    /// <param name="serverOptions">
    /// More server settings for the start, as <c>postgres</c> takes them (<c>-c name=value …</c>), for example
    /// <c>-c shared_preload_libraries=pg_stat_statements</c> to see which statements cost the time.
    /// </param>
    public static async Task<LocalPostgres> Start(
        string dataDirectory, string? binDirectory, string database, bool durable, bool deleteOnDispose, CancellationToken cancellationToken = default,
        string? serverOptions = null)
    {
        if (!DatabaseName().IsMatch(database))
        {
            throw new ArgumentException("Database name must be lower-case letters, digits and underscores.", nameof(database));
        }

        var bin = FindBinaries(binDirectory) ?? throw new InvalidOperationException(MissingBinariesMessage);
        var pgCtl = Path.Combine(bin, "pg_ctl");
        dataDirectory = Path.GetFullPath(dataDirectory);

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeCluster(bin, dataDirectory, cancellationToken);
        }

        // A server already running on this folder (the system is up and this is the bootstrap command,
        // or an earlier run was killed) is joined rather than restarted, and left running afterwards.
        if (await RunningPort(pgCtl, dataDirectory, cancellationToken) is { } runningPort)
        {
            var attached = new LocalPostgres(pgCtl, dataDirectory, runningPort, database, owned: false, deleteOnDispose: false);
            await attached.EnsureDatabase(database, cancellationToken);
            return attached;
        }

        var port = FreePort();
        // Checkpoints at most every 2 GB of WAL or 15 minutes: a campaign activation writes ~2.5 KB of WAL per scraped post,
        // and at PostgreSQL's defaults (1 GB, 5 minutes) a 2,000-creator activation forced a checkpoint partway through,
        // which then made the first change of every page write a full-page image (docs/BENCHMARKS.md, influencer pipeline).
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300" +
            " -c max_wal_size=2GB -c checkpoint_timeout=15min";
        if (!durable)
        {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        if (!string.IsNullOrWhiteSpace(serverOptions))
        {
            options += " " + serverOptions.Trim();
        }

        // setsid keeps the server out of our process group, so Ctrl+C reaches only us and we stop it in order.
        await AsServiceUser(
            "setsid",
            ["-w", pgCtl, "start", "-D", dataDirectory, "-w", "-t", "60", "-l", Path.Combine(dataDirectory, "server.log"), "-o", options],
            cancellationToken);

        var server = new LocalPostgres(pgCtl, dataDirectory, port, database, owned: true, deleteOnDispose);
        await server.EnsureDatabase(database, cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (stopped || !owned)
        {
            return;
        }

        stopped = true;
        await AsServiceUser(pgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w"], CancellationToken.None, check: false);
        if (deleteOnDispose)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static async Task<int?> RunningPort(string pgCtl, string dataDirectory, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var (exitCode, _) = IsRoot
            ? await ProcessRunner.Run("runuser", ["-u", ServiceUser, "--", pgCtl, "status", "-D", dataDirectory], cancellationToken)
            : await ProcessRunner.Run(pgCtl, ["status", "-D", dataDirectory], cancellationToken);

        // postmaster.pid holds the port on its fourth line.
        var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken);
        return exitCode == 0 && lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    public static string? FindBinaries(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "pg_ctl")) ? configured : null;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

        return installed ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
    }

    private static async Task InitializeCluster(string bin, string dataDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        if (IsRoot)
        {
            await ProcessRunner.RunChecked("chown", [$"{ServiceUser}:{ServiceUser}", dataDirectory], cancellationToken);
            var (reachable, _) = await ProcessRunner.Run("runuser", ["-u", ServiceUser, "--", "test", "-w", dataDirectory], cancellationToken);
            if (reachable != 0)
            {
                throw new InvalidOperationException(
                    $"The '{ServiceUser}' user cannot write to {dataDirectory} (a parent folder is not traversable). " +
                    "Set LocalPostgres__DataDirectory to a folder it can reach, for example under /var/tmp.");
            }
        }

        await AsServiceUser(
            Path.Combine(bin, "initdb"),
            ["-D", dataDirectory, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"],
            cancellationToken);
    }

    /// <summary>PostgreSQL refuses to run as root, so as root every server command runs as the postgres user.</summary>
    private static async Task AsServiceUser(string file, string[] arguments, CancellationToken cancellationToken, bool check = true)
    {
        var (command, args) = IsRoot ? ("runuser", (string[])["-u", ServiceUser, "--", file, .. arguments]) : (file, arguments);
        if (check)
        {
            await ProcessRunner.RunChecked(command, args, cancellationToken);
        }
        else
        {
            await ProcessRunner.Run(command, args, cancellationToken);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private async Task EnsureDatabase(string database, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // The name was checked against DatabaseName() above; CREATE DATABASE takes no parameters.
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
