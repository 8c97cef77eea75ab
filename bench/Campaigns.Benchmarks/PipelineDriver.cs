using System.Net.Http.Json;
using System.Text.Json;
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

    /// <summary>
    /// Whether the work that follows the jobs (matching, metrics) is done for the last <see cref="Start"/>, and when
    /// its last piece finished; asked once every job has completed.
    /// </summary>
    Task<(bool Done, DateTimeOffset? Last)> FollowUp(NpgsqlDataSource db, CancellationToken cancellationToken);
}

/// <summary>
/// The product's own path: an influencer campaign created through the API, then <c>POST /api/campaigns/{id}/activate</c>
/// with every seeded creator. Each allocation queues a profile scrape and a posts scrape; after each posts scrape the
/// allocation grain matches the posts (<c>PostMatcher</c>) and recomputes its metrics, which the run waits for.
/// </summary>
public sealed class ActivationDriver(Uri baseAddress, string apiKey) : IPipelineDriver
{
    public const string Text =
        "`POST /api/campaigns/{id}/activate` with `max_creators` = every creator: per allocation a `profile_scrape` and a `posts_scrape` job, then matching and metrics in the allocation grain (timed until every allocation has its metrics)";

    private Guid campaignId;
    private int allocations;

    public string Description => Text;

    public async Task<int> Start(Guid organizationId, IReadOnlyList<SeededCreator> creators, int postsPerCreator, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await client.PostAsJsonAsync("/api/campaigns", new Dictionary<string, object>
        {
            ["name"] = $"Bench influencer campaign {Guid.NewGuid():N}",
            ["kind"] = "influencer",
            ["budget"] = 10_000_000,
            ["platforms"] = new[] { "instagram" },
            ["start_date"] = today.AddDays(-(postsPerCreator + 10)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["end_date"] = today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["tracking_config"] = new Dictionary<string, object>
            {
                ["required_hashtags"] = new[] { InfluencerPipeline.CampaignHashtag },
                ["required_mentions"] = new[] { InfluencerPipeline.BrandMention },
            },
        }, cancellationToken);
        created.EnsureSuccessStatusCode();
        campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();

        var activation = System.Diagnostics.Stopwatch.StartNew();
        var activated = await client.PostAsJsonAsync($"/api/campaigns/{campaignId}/activate",
            new Dictionary<string, int> { ["max_creators"] = creators.Count }, cancellationToken);
        if (!activated.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Activation answered {(int)activated.StatusCode}: {await activated.Content.ReadAsStringAsync(cancellationToken)}");
        }

        allocations = (await activated.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("allocations").GetArrayLength();
        Console.WriteLine($"    activation of {allocations} allocations answered in {activation.Elapsed.TotalSeconds:F1} s");
        return allocations * 2;
    }

    public async Task<(bool Done, DateTimeOffset? Last)> FollowUp(NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var cmd = db.CreateCommand("""
            SELECT count(*) FILTER (WHERE last_collected_at IS NOT NULL), max(updated_at)
            FROM campaign_allocations WHERE campaign_id = $1
            """);
        cmd.Parameters.AddWithValue(campaignId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        await r.ReadAsync(cancellationToken);
        return (r.GetInt64(0) >= allocations, r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1));
    }
}

/// <summary>
/// The queue alone, without allocations: one <c>posts_scrape</c> job per creator, inserted straight into <c>apify_jobs_queue</c> in
/// one statement, due now, as <c>ApifyJobRepository.Enqueue</c> would store it (input <c>{"limit": N}</c>, read by
/// <c>ApifyActorInput</c>). The bench is not product code; direct SQL is fine here.
/// </summary>
public sealed class DirectEnqueueDriver(NpgsqlDataSource db) : IPipelineDriver
{
    public const string Text =
        "one `posts_scrape` job per creator inserted directly into `apify_jobs_queue` with SQL (no allocations, so no matching or metrics step)";

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

    public Task<(bool Done, DateTimeOffset? Last)> FollowUp(NpgsqlDataSource db, CancellationToken cancellationToken) =>
        Task.FromResult<(bool, DateTimeOffset?)>((true, null));
}
