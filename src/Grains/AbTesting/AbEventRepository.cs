using System.Threading.Channels;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.AbTesting;

/// <summary>
/// All SQL for <c>ab_test_events</c>. Batches that arrive while a write is in flight are merged into one
/// <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING RETURNING</c>: one statement, one round trip and one commit
/// for many requests' events. Each caller awaits its own batch and learns which of its events were new.
/// </summary>
/// <remarks>
/// An event id claimed by two batches of the same statement is new for the first of them only, so it is counted once.
/// A merged statement that fails is retried batch by batch, so one bad batch fails only its own caller.
/// </remarks>
public sealed class AbEventRepository : IAsyncDisposable
{
    private const int MaxEventsPerStatement = 8_192;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private readonly NpgsqlDataSource db;
    private readonly Task[] writers;

    public AbEventRepository(NpgsqlDataSource db)
    {
        this.db = db;
        // Two writers: one statement executes while the next gathers.
        writers = [Task.Run(Drain), Task.Run(Drain)];
    }

    /// <returns>For each event, whether this call stored it (false: its id was already there).</returns>
    public Task<bool[]> Insert(Guid testId, AbEvent[] events)
    {
        var pending = new Pending(testId, events, new TaskCompletionSource<bool[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AbEventRepository), "The process is shutting down.");
        }

        return pending.Done.Task;
    }

    /// <summary>The counts per variant, straight from the events: what the grain's running counts must equal.</summary>
    public async Task<Dictionary<Guid, AbVariantCounts>> Counts(Guid testId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT variant_id,
                   count(*) FILTER (WHERE type = 0),
                   count(*) FILTER (WHERE type = 1),
                   count(*) FILTER (WHERE type = 2),
                   coalesce(sum(value) FILTER (WHERE type = 2), 0)
            FROM ab_test_events
            WHERE test_id = $1
            GROUP BY variant_id
            """);
        cmd.Parameters.AddWithValue(testId);
        var counts = new Dictionary<Guid, AbVariantCounts>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            counts[r.GetGuid(0)] = new AbVariantCounts(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetDecimal(4));
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers);
    }

    private async Task Drain()
    {
        var group = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync())
        {
            var events = 0;
            while (events < MaxEventsPerStatement && queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                events += pending.Events.Length;
            }

            if (group.Count == 0)
            {
                continue;
            }

            try
            {
                await Execute(group);
            }
            catch (Exception) when (group.Count > 1)
            {
                foreach (var pending in group)
                {
                    await ExecuteAlone(pending);
                }
            }
            catch (Exception e)
            {
                group[0].Done.TrySetException(e);
            }

            group.Clear();
        }
    }

    private async Task ExecuteAlone(Pending pending)
    {
        try
        {
            await Execute([pending]);
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    private async Task Execute(IReadOnlyList<Pending> group)
    {
        var total = group.Sum(p => p.Events.Length);
        var testIds = new Guid[total];
        var eventIds = new Guid[total];
        var variantIds = new Guid[total];
        var types = new short[total];
        var values = new decimal[total];
        var i = 0;
        foreach (var pending in group)
        {
            foreach (var e in pending.Events)
            {
                testIds[i] = pending.TestId;
                eventIds[i] = e.EventId;
                variantIds[i] = e.VariantId;
                types[i] = (short)e.Type;
                values[i] = e.Type == AbEventType.Conversion ? e.Value : 0m;
                i++;
            }
        }

        await using var cmd = db.CreateCommand("""
            INSERT INTO ab_test_events (test_id, event_id, variant_id, type, value)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::smallint[], $5::numeric[])
            ON CONFLICT (test_id, event_id) DO NOTHING
            RETURNING test_id, event_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = testIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = eventIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = variantIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });

        var inserted = new HashSet<(Guid Test, Guid Event)>(total);
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                inserted.Add((r.GetGuid(0), r.GetGuid(1)));
            }
        }

        foreach (var pending in group)
        {
            var stored = new bool[pending.Events.Length];
            for (var k = 0; k < stored.Length; k++)
            {
                // Remove, not Contains: the first claimant of a new id takes it, any later one in the group is a duplicate.
                stored[k] = inserted.Remove((pending.TestId, pending.Events[k].EventId));
            }

            pending.Done.TrySetResult(stored);
        }
    }

    private sealed record Pending(Guid TestId, AbEvent[] Events, TaskCompletionSource<bool[]> Done);
}
