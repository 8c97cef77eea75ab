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
/// The scrape pipeline's own writes (taking and completing jobs, storing scraped posts, automatic match verdicts)
/// commit without waiting for the WAL flush.
/// </summary>
/// <remarks>
/// They are idempotent and can be redone: a crash can lose the last fraction of a second of them (PostgreSQL's
/// <c>wal_writer_delay</c>), after which a job whose take or completion was lost is run again (a job left running is
/// recovered by the worker). What people do (decisions, limits, retries), enqueues and all grain state still commit
/// durably, and a durable commit flushes every earlier asynchronous one with it. Measured in docs/BENCHMARKS.md: with
/// a flush per commit the pipeline's many small transactions queued on the WAL.
/// </remarks>
public static class AsynchronousCommit
{
    /// <summary>First in a batch: the batch's implicit transaction then commits asynchronously (the setting is local to it).</summary>
    public static NpgsqlBatchCommand Command() => new("SELECT set_config('synchronous_commit', 'off', true)");
}
