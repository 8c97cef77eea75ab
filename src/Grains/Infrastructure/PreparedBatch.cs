using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;

namespace Campaigns.Infrastructure;

/// <summary>
/// A batch prepared on its pooled connection: PostgreSQL parses and plans each statement once per connection and reuses
/// that plan on every later call, which saves the scrape pipeline 100–400 µs of planning per statement
/// (docs/BENCHMARKS.md, influencer pipeline). A connection that has prepared the statements already does no extra round
/// trip.
/// </summary>
/// <remarks>
/// Only for statements whose one plan is right at any table size: inserts whose conflict check is a unique index's, and
/// calls of functions that keep index plans themselves (sql/0024, sql/0025). A plan that chooses between scans is made
/// once, from the statistics of that moment, and a sequential scan chosen while a table was nearly empty would be kept
/// through the burst of rows an activation brings.
/// </remarks>
public sealed class PreparedBatch : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlBatch batch;

    private PreparedBatch(NpgsqlConnection connection, NpgsqlBatch batch)
    {
        this.connection = connection;
        this.batch = batch;
    }

    /// <summary>Without an explicit transaction the batch runs as one implicit transaction, as a data source's batch does.</summary>
    public static async Task<PreparedBatch> Prepare(
        NpgsqlDataSource db, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken = default)
    {
        var connection = await db.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection);
        try
        {
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command);
            }

            await batch.PrepareAsync(cancellationToken);
            return new PreparedBatch(connection, batch);
        }
        catch
        {
            await batch.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<NpgsqlDataReader> ExecuteReaderAsync(CancellationToken cancellationToken = default) =>
        batch.ExecuteReaderAsync(cancellationToken);

    public Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken = default) =>
        batch.ExecuteNonQueryAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await batch.DisposeAsync();
        await connection.DisposeAsync();
    }
}
