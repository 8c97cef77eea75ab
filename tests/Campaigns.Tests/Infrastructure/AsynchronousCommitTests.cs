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

/// <summary>The pipeline's asynchronous commit applies to its own batch only, never to the pooled connection's next user.</summary>
public sealed class AsynchronousCommitTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_setting_holds_inside_the_batch_and_is_gone_for_the_next_command_on_the_same_connection()
    {
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var connection = await db.OpenConnectionAsync(TestContext.Current.CancellationToken);
        // The test server runs with synchronous_commit off; this session asks for PostgreSQL's durable default.
        await using (var durable = new NpgsqlCommand("SET synchronous_commit = on", connection))
        {
            await durable.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(AsynchronousCommit.Command());
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT current_setting('synchronous_commit')"));
            await using var reader = await batch.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            await reader.NextResultAsync(TestContext.Current.CancellationToken);
            await reader.ReadAsync(TestContext.Current.CancellationToken);
            Assert.Equal("off", reader.GetString(0));
        }

        await using var after = new NpgsqlCommand("SELECT current_setting('synchronous_commit')", connection);
        Assert.Equal("on", await after.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
