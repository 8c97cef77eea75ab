using Campaigns.Silo.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// A database of its own on the test server, migrated, for a test whose code serves every organization (the Apify job
/// worker) and so must not share the database with other tests' jobs. Dropped on dispose.
/// </summary>
public sealed class IsolatedDatabase : IAsyncDisposable
{
    private readonly string serverConnectionString;
    private readonly string name;

    private IsolatedDatabase(string serverConnectionString, string name, string connectionString)
    {
        this.serverConnectionString = serverConnectionString;
        this.name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<IsolatedDatabase> Create(string serverConnectionString, CancellationToken cancellationToken)
    {
        var database = await CreateEmpty(serverConnectionString, cancellationToken);
        await DatabaseMigrator.Apply(database.ConnectionString, NullLogger.Instance, cancellationToken);
        return database;
    }

    /// <summary>A database with no migration applied, for restoring one an older version wrote.</summary>
    public static async Task<IsolatedDatabase> CreateEmpty(string serverConnectionString, CancellationToken cancellationToken)
    {
        // A generated identifier: CREATE DATABASE takes no parameters.
        var name = $"isolated_{Guid.NewGuid():N}";
        await Execute(serverConnectionString, $"CREATE DATABASE {name}", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        return new IsolatedDatabase(serverConnectionString, name, connectionString);
    }

    /// <summary>The first column of the first row of a query with positional parameters, or default.</summary>
    public async Task<T?> Scalar<T>(string sql, params object[] args)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var arg in args)
        {
            command.Parameters.AddWithValue(arg);
        }

        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        await Execute(serverConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
    }

    private static async Task Execute(string serverConnectionString, string statement, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
