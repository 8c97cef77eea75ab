using Npgsql;

namespace Campaigns.Benchmarks;

/// <summary>
/// Every measured stretch (the pipeline and each raw baseline) starts right after a checkpoint. A run lasts ~20 s, far
/// less than the time between checkpoints under sustained load, so whether one fell inside it was chance: it moved the
/// PostgreSQL CPU per post of the same code by up to half (the report still says whether one started in the stretch).
/// </summary>
public static class Checkpoint
{
    public static async Task Now(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var checkpoint = db.CreateCommand("CHECKPOINT");
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }
}
