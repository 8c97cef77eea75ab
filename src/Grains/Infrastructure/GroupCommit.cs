using System.Threading.Channels;
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
/// Group commit for small independent writes: writes that arrive while a batch is in flight wait
/// together and go to PostgreSQL as one <see cref="NpgsqlBatch"/>, one round trip and one commit.
/// Each caller still awaits its own write, so nothing is acknowledged before it is durable.
/// </summary>
/// <remarks>
/// On this kind of machine a commit costs PostgreSQL several times what the row does, so sharing
/// commits is what lets many concurrent requests each write their row. A batch that fails is
/// retried one write at a time, so one bad row fails only its own caller.
/// </remarks>
public sealed class GroupCommit<T> : IAsyncDisposable
{
    private const int MaxBatch = 64;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly NpgsqlDataSource db;
    private readonly Func<T, NpgsqlBatchCommand> command;
    private readonly Task[] writers;

    /// <param name="command">Builds the statement that writes one item.</param>
    public GroupCommit(NpgsqlDataSource db, Func<T, NpgsqlBatchCommand> command)
    {
        this.db = db;
        this.command = command;

        // Two writers keep the database busy while the next batch gathers; more would only split batches.
        writers = [Task.Run(Drain), Task.Run(Drain)];
    }

    public Task Write(T item)
    {
        var pending = new Pending(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommit<T>), "The process is shutting down.");
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers);
    }

    private async Task Drain()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await Execute(batch);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var pending in batch)
                {
                    await ExecuteAlone(pending);
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }

            batch.Clear();
        }
    }

    private async Task ExecuteAlone(Pending pending)
    {
        try
        {
            await Execute([pending]);
            pending.Done.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    private async Task Execute(IReadOnlyList<Pending> batch)
    {
        // Without an explicit transaction Npgsql runs a batch as one implicit transaction: one commit.
        await using var npgsqlBatch = db.CreateBatch();
        foreach (var pending in batch)
        {
            npgsqlBatch.BatchCommands.Add(command(pending.Item));
        }

        await npgsqlBatch.ExecuteNonQueryAsync();
    }

    private sealed record Pending(T Item, TaskCompletionSource Done);
}
