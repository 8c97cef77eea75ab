using Npgsql;

namespace Campaigns.Tests.Infrastructure;

/// <summary>Direct SQL against the shared test database, for asserting on rows behind the grains' backs.</summary>
public static class TestDatabase
{
    private static NpgsqlDataSource? source;

    private static NpgsqlDataSource Source => source ??= NpgsqlDataSource.Create(
        PostgresFixture.Current ?? throw new InvalidOperationException("PostgreSQL fixture not started."));

    /// <summary>Runs a statement with positional parameters ($1, $2, ...) and returns the affected row count.</summary>
    public static async Task<int> Execute(string sql, params object[] args)
    {
        await using var command = Command(sql, args);
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The first column of the first row, or default when there is no row or it is NULL.</summary>
    public static async Task<T?> Scalar<T>(string sql, params object[] args)
    {
        await using var command = Command(sql, args);
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    private static NpgsqlCommand Command(string sql, object[] args)
    {
        var command = Source.CreateCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.AddWithValue(arg);
        }

        return command;
    }
}
