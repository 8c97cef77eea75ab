using Npgsql;

namespace Campaigns.Benchmarks;

/// <summary>A creator the influencer scenario seeded: its social profile and handle.</summary>
public sealed record SeededCreator(Guid ProfileId, string Username);

/// <summary>
/// What starts the influencer pipeline's work: one posts scrape per seeded creator. The one replaceable piece of
/// <see cref="InfluencerPipeline"/>: everything before it (seeding) and after it (waiting on the queue, counting posts)
/// stays the same whichever driver runs.
/// </summary>
public interface IPipelineDriver
{
    /// <summary>A line for the report saying how the work was started.</summary>
    string Description { get; }

    /// <summary>Starts the work and returns when it has been handed to the system (not when it is done).</summary>
    /// <returns>The number of Apify jobs the system now has to run.</returns>
    Task<int> Start(Guid organizationId, IReadOnlyList<SeededCreator> creators, int postsPerCreator, CancellationToken cancellationToken);
}

/// <summary>
/// The provisional driver: one <c>posts_scrape</c> job per creator, inserted straight into <c>apify_jobs_queue</c> in
/// one statement, due now, as <c>ApifyJobRepository.Enqueue</c> would store it (input <c>{"limit": N}</c>, read by
/// <c>ApifyActorInput</c>). The bench is not product code; direct SQL is fine here.
/// </summary>
// TODO(issue 3, activation): replace with an ActivationDriver once POST /api/campaigns/{id}/activate lands on this branch:
// create a `kind: "influencer"` campaign through the API, then POST /api/campaigns/{id}/activate {"max_creators": N}.
// That enqueues a profile_scrape and a posts_scrape per allocation (2 jobs per creator, so Start must return 2 × N),
// and each posts job then also runs PostMatcher and the metrics recomputation in the allocation grain.
public sealed class DirectEnqueueDriver(NpgsqlDataSource db) : IPipelineDriver
{
    public const string Text =
        "provisional driver: one `posts_scrape` job per creator inserted directly into `apify_jobs_queue` with SQL (activation endpoint not on this branch yet; no matching or metrics step)";

    public string Description => Text;

    public async Task<int> Start(Guid organizationId, IReadOnlyList<SeededCreator> creators, int postsPerCreator, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds
        await using var insert = db.CreateCommand("""
            INSERT INTO apify_jobs_queue (id, organization_id, job_type, platform, target, input, priority, status,
                max_retries, creator_profile_id, scheduled_at, created_at, updated_at)
            SELECT j.id, $1, 'posts_scrape', 'instagram', j.target, $2::jsonb, 50, 'pending', 3, j.profile, $3, $3, $3
            FROM unnest($4::uuid[], $5::text[], $6::uuid[]) AS j(id, target, profile)
            """);
        var p = insert.Parameters;
        p.AddWithValue(organizationId);
        p.AddWithValue($$"""{"limit": {{postsPerCreator}}}""");
        p.AddWithValue(now);
        p.AddWithValue(creators.Select(_ => Guid.CreateVersion7()).ToArray());
        p.AddWithValue(creators.Select(c => c.Username).ToArray());
        p.AddWithValue(creators.Select(c => c.ProfileId).ToArray());
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
