using Npgsql;

namespace Campaigns.Benchmarks;

/// <summary>What PostgreSQL wrote to its WAL, and the checkpoints it started, between two readings.</summary>
public sealed record WalUse(long Records, long FullPageImages, long Bytes, long Checkpoints)
{
    public static async Task<WalUse> Take(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT w.wal_records, w.wal_fpi, w.wal_bytes::bigint, b.checkpoints_timed + b.checkpoints_req
            FROM pg_stat_wal w, pg_stat_bgwriter b
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new WalUse(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
    }

    public WalUse Since(WalUse start) =>
        new(Records - start.Records, FullPageImages - start.FullPageImages, Bytes - start.Bytes, Checkpoints - start.Checkpoints);
}
