using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Campaigns.Tests.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Npgsql;

namespace Campaigns.Tests.Influencer;

/// <summary>
/// The scrape pipeline's functions keep one plan per connection (sql/0025–0026), so their plans must be right at any
/// table size: these tests pin the settings and the plan shape that guarantee it.
/// </summary>
public sealed class PipelinePlanTests(PostgresFixture postgres)
{
    private static readonly MatchResult Matched = new(0.9, MatchVerdict.Matched,
        [new MatchedSignal(SignalKind.RequiredHashtag, "#brand", SignalSource.Caption)], [], null);

    [Theory]
    [InlineData("apify_take_next")]
    [InlineData("apify_take_next_with_followers")]
    [InlineData("apify_complete")]
    [InlineData("allocation_counted_posts")]
    [InlineData("campaign_posts_record_matches")]
    [InlineData("orleans_write_to_storage")]
    public async Task Pipeline_function_rules_out_sequential_scans(string function)
    {
        // CREATE OR REPLACE FUNCTION drops a function's settings, so a later migration can lose this silently.
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT coalesce(proconfig, '{}') FROM pg_proc WHERE proname = $1");
        cmd.Parameters.AddWithValue(function);
        var settings = Assert.IsType<string[]>(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        Assert.Contains("enable_seqscan=off", settings);
    }

    [Fact]
    public async Task Verdicts_reach_each_post_by_its_primary_key_alone_even_under_a_generic_plan()
    {
        var ct = TestContext.Current.CancellationToken;
        var org = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        var posts = new PostRepository(db, TimeProvider.System);
        var post = (await posts.Upsert(org, null, [Post()]))[0];

        await using var connection = await OpenWithPlans(ct);
        await using var call = new NpgsqlBatch(connection.Connection)
        {
            BatchCommands = { posts.RecordMatchesCommand(org, Guid.CreateVersion7(), Guid.CreateVersion7(), [(post, Matched)]) },
        };
        await call.ExecuteNonQueryAsync(ct);

        var plan = Assert.Single(connection.Notices, n => n.Contains("INSERT INTO campaign_posts", StringComparison.Ordinal));
        var scan = NodeLines(plan, "Index Scan using posts_pkey on posts");
        Assert.Contains(scan, line => line.Contains("Index Cond: (id = m.post_id)", StringComparison.Ordinal));
        // With the organization among the scan's own conditions a plan may take the organization-led index instead,
        // walking every post of the organization per verdict: the check belongs above the look-up.
        Assert.DoesNotContain(scan, line => line.Contains("organization_id", StringComparison.Ordinal));
        Assert.DoesNotContain("posts_platform_post_key", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_take_reads_the_profile_by_its_primary_key_alone_even_under_a_generic_plan()
    {
        var ct = TestContext.Current.CancellationToken;
        // Far in the future, so no worker of another test on the real clock takes the job first.
        var clock = new ManualClock(new DateTimeOffset(2100, 6, 1, 8, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 10_000)));
        var org = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        var profile = (await new CreatorRepository(db, clock).Insert(org, Guid.CreateVersion7(), new CreatorDraft("Plan", null, true,
            [new SocialProfileDraft("instagram", $"u{Guid.NewGuid():N}", FollowersDeclared: 20_000)])))!.Profiles[0].Id;
        await new ApifyJobRepository(db, clock, ApifyRetryBackoff.Default).Enqueue(org, Guid.CreateVersion7(),
            new ApifyJobDraft(ApifyJobType.PostsScrape, SocialPlatform.Instagram, "plan", """{"limit": 50}""", 50, CreatorProfileId: profile));

        await using var connection = await OpenWithPlans(ct);
        await using var take = new NpgsqlCommand("SELECT profile_followers FROM apify_take_next_with_followers($1, $2)", connection.Connection);
        take.Parameters.AddWithValue(org);
        take.Parameters.AddWithValue(clock.GetUtcNow());
        Assert.Equal(20_000L, await take.ExecuteScalarAsync(ct));

        var plan = Assert.Single(connection.Notices, n => n.Contains("FROM creator_social_profiles", StringComparison.Ordinal));
        var scan = NodeLines(plan, "Index Scan using creator_social_profiles_pkey on creator_social_profiles");
        Assert.DoesNotContain(scan, line => line.Contains("organization_id", StringComparison.Ordinal));
    }

    /// <summary>A connection whose plans, nested statements included, auto_explain sends back as notices, all generic.</summary>
    private async Task<PlanConnection> OpenWithPlans(CancellationToken ct)
    {
        var withPlans = new NpgsqlConnectionStringBuilder(postgres.ConnectionString)
        {
            Pooling = false,
            Options = "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 " +
                      "-c auto_explain.log_nested_statements=on -c auto_explain.log_level=notice -c plan_cache_mode=force_generic_plan",
        };
        var connection = new NpgsqlConnection(withPlans.ConnectionString);
        var planConnection = new PlanConnection(connection);
        connection.Notice += (_, e) => planConnection.Notices.Add(e.Notice.MessageText);
        await connection.OpenAsync(ct);
        return planConnection;
    }

    private sealed record PlanConnection(NpgsqlConnection Connection) : IAsyncDisposable
    {
        public List<string> Notices { get; } = [];

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    /// <summary>A plan node's line and its details: the lines after it indented deeper, up to the next node arrow.</summary>
    private static List<string> NodeLines(string plan, string node)
    {
        var lines = plan.Split('\n');
        var start = Array.FindIndex(lines, line => line.Contains(node, StringComparison.Ordinal));
        Assert.True(start >= 0, $"No '{node}' in the plan:\n{plan}");
        var indent = Indent(lines[start]);
        return lines[start..]
            .TakeWhile((line, i) => i == 0 || (Indent(line) > indent && !line.TrimStart().StartsWith("->", StringComparison.Ordinal)))
            .ToList();
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static ScrapedPost Post() =>
        new(SocialPlatform.Instagram, $"p-{Guid.NewGuid():N}", "https://instagram.com/p/x", "anna.cooks", null, "Lunch #brand",
            ["brand"], [], [], "image", [], 10, 2, null, 400, 0.021, 900, null,
            new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero), 12_000, """{"id":"x"}""");
}
