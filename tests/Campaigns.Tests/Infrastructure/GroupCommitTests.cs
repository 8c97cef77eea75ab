using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Outreach;
using Npgsql;

namespace Campaigns.Tests.Infrastructure;

/// <summary>Group commit shares commits between concurrent writes without letting one bad write fail the others.</summary>
public sealed class GroupCommitTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_writes_all_land_and_a_bad_one_fails_only_its_own_caller()
    {
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        var table = $"group_commit_{Guid.NewGuid():N}";
        await using (var create = db.CreateCommand($"CREATE TABLE {table} (n integer PRIMARY KEY CHECK (n <> 13))"))
        {
            await create.ExecuteNonQueryAsync(Ct);
        }

        await using var writer = new GroupCommit<int>(db, n =>
        {
            var command = new NpgsqlBatchCommand($"INSERT INTO {table} (n) VALUES ($1)");
            command.Parameters.AddWithValue(n);
            return command;
        });

        var writes = Enumerable.Range(1, 200).Select(n => (n, Task: writer.Write(n))).ToList();
        var bad = writes.Single(w => w.n == 13).Task;
        await Assert.ThrowsAsync<PostgresException>(() => bad);
        await Task.WhenAll(writes.Where(w => w.n != 13).Select(w => w.Task));

        await using var count = db.CreateCommand($"SELECT count(*), min(n), max(n) FROM {table}");
        await using var reader = await count.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        Assert.Equal(199, reader.GetInt64(0));
        Assert.Equal(1, reader.GetInt32(1));
        Assert.Equal(200, reader.GetInt32(2));
    }

    [Fact]
    public async Task Writes_after_dispose_are_refused_and_pending_ones_complete()
    {
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        var writer = new GroupCommit<int>(db, _ => new NpgsqlBatchCommand("SELECT 1"));
        var pending = writer.Write(1);
        await writer.DisposeAsync();

        await pending;
        Assert.Throws<ObjectDisposedException>(() => { _ = writer.Write(2); });
    }
}
