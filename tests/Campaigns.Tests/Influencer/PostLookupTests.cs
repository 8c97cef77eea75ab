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

/// <summary><see cref="PostRepository"/>'s detection lookup, which routes a person's decision, only within the organization asking.</summary>
public sealed class PostLookupTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly MatchResult Matched = new(0.9, MatchVerdict.Matched,
        [new MatchedSignal(SignalKind.RequiredHashtag, "#brand", SignalSource.Caption)], [], null);

    private static readonly DateTimeOffset Day = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    private NpgsqlDataSource? source;
    private Guid org;
    private Guid otherOrg;

    private PostRepository Posts => new(source!, TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        source = NpgsqlDataSource.Create(postgres.ConnectionString);
        org = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
        otherOrg = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (source is not null)
        {
            await source.DisposeAsync();
        }
    }

    private static ScrapedPost Post() =>
        new(SocialPlatform.Instagram, $"p-{Guid.NewGuid():N}", "https://instagram.com/p/x", "anna.cooks", null, "Lunch #brand",
            ["brand"], ["@shop"], ["https://shop.example/anna"], "image", ["https://cdn.example/1.jpg"],
            10, 2, null, 400, 0.021, 900, null, Day, 12_000, """{"id":"x"}""");

    [Fact]
    public async Task Find_detection_names_its_allocation_and_campaign_within_the_organization_only()
    {
        var post = (await Posts.Upsert(org, null, [Post()]))[0];
        var (allocation, campaign) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await Posts.RecordMatches(org, allocation, campaign, [(post, Matched)]);
        var detection = Assert.Single((await Posts.ListForAllocation(org, allocation, null, 10)).Items).Id;

        Assert.Equal((allocation, campaign), await Posts.FindDetection(org, detection));
        Assert.Null(await Posts.FindDetection(otherOrg, detection));
        Assert.Null(await Posts.FindDetection(org, Guid.NewGuid()));
    }
}
