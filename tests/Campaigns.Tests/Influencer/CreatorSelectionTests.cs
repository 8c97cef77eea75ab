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

/// <summary><see cref="CreatorRepository.SelectCandidates"/>: the seed's stage-2 query, on a fresh organization per test.</summary>
public sealed class CreatorSelectionTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource? source;
    private CreatorRepository? repository;
    private Guid org;

    private CreatorRepository Creators => repository ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        source = NpgsqlDataSource.Create(postgres.ConnectionString);
        repository = new CreatorRepository(source, TimeProvider.System);
        org = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (source is not null)
        {
            await source.DisposeAsync();
        }
    }

    private async Task<Guid> Creator(string platform = "instagram", long? followers = 50_000, decimal? rate = 0.02m, string? location = "Moscow",
        long? verifiedFollowers = null, decimal? verifiedRate = null, bool active = true, Guid? organization = null)
    {
        var id = Guid.CreateVersion7();
        var created = await Creators.Insert(organization ?? org, id, new CreatorDraft($"C {id:N}", null, active,
            [new SocialProfileDraft(platform, $"u{id:N}", followers, rate, [], location)]));
        if (verifiedFollowers is not null || verifiedRate is not null)
        {
            await Creators.RecordVerification(organization ?? org, created!.Profiles[0].Id,
                new ProfileVerification(verifiedFollowers, verifiedRate, null, null, null, false, DateTimeOffset.UtcNow));
        }

        return id;
    }

    private Task<IReadOnlyList<CreatorCandidate>> Select(AudienceSize? size = null, string? location = null, string[]? platforms = null,
        Guid[]? excluded = null, int limit = 50) =>
        Creators.SelectCandidates(org, platforms ?? ["instagram", "tiktok"], size, location, excluded ?? [], limit);

    [Fact]
    public async Task Verified_profiles_come_first_then_engagement_rate_highest_first()
    {
        var declaredHigh = await Creator(rate: 0.09m);
        var declaredNoRate = await Creator(rate: null);
        var verifiedLow = await Creator(rate: 0.5m, verifiedFollowers: 40_000, verifiedRate: 0.01m);
        var verifiedHigh = await Creator(rate: null, verifiedFollowers: 60_000, verifiedRate: 0.04m);
        var declaredMid = await Creator("tiktok", rate: 0.03m);

        var selected = await Select();

        Assert.Equal([verifiedHigh, verifiedLow, declaredHigh, declaredMid, declaredNoRate], selected.Select(c => c.CreatorId));
        Assert.Equal([true, true, false, false, false], selected.Select(c => c.FollowersVerified));
        Assert.Equal(0.01m, selected[1].EngagementRateActual);
        Assert.Equal(40_000, selected[1].FollowersActual);
        Assert.Equal([verifiedHigh], (await Select(limit: 1)).Select(c => c.CreatorId));
    }

    [Fact]
    public async Task Excluded_inactive_dataless_other_platform_and_other_organization_creators_are_never_selected()
    {
        var eligible = await Creator();
        var excluded = await Creator(rate: 0.9m);
        await Creator(rate: 0.9m, active: false);
        await Creator(followers: null, rate: 0.9m);
        await Creator("youtube", rate: 0.9m);
        var otherOrg = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
        await Creator(rate: 0.9m, organization: otherOrg);

        var selected = await Select(excluded: [excluded]);

        Assert.Equal([eligible], selected.Select(c => c.CreatorId));
    }

    [Theory]
    [InlineData(AudienceSize.Micro, 1_000, 9_999, 999, 10_000)]
    [InlineData(AudienceSize.MidTier, 10_000, 99_999, 9_999, 100_000)]
    [InlineData(AudienceSize.Macro, 100_000, 999_999, 99_999, 1_000_000)]
    public async Task Band_includes_its_lower_bound_and_excludes_its_upper_bound(AudienceSize size, long lowest, long highest, long below, long above)
    {
        var atLowest = await Creator(followers: lowest);
        var atHighest = await Creator(followers: highest);
        await Creator(followers: below);
        await Creator(followers: above);

        var selected = await Select(size);

        Assert.Equal(new[] { atLowest, atHighest }.Order(), selected.Select(c => c.CreatorId).Order());
    }

    [Fact]
    public async Task Mega_has_no_upper_bound_and_no_band_selects_any_size()
    {
        var mega = await Creator(followers: 1_000_000);
        var huge = await Creator(followers: 400_000_000);
        await Creator(followers: 999_999);
        var tiny = await Creator(followers: 12);

        Assert.Equal(new[] { mega, huge }.Order(), (await Select(AudienceSize.Mega)).Select(c => c.CreatorId).Order());
        Assert.Contains(tiny, (await Select()).Select(c => c.CreatorId));
    }

    [Fact]
    public async Task Verified_followers_decide_the_band()
    {
        var grewUp = await Creator(followers: 5_000, verifiedFollowers: 50_000);

        Assert.Empty(await Select(AudienceSize.Micro));
        Assert.Equal([grewUp], (await Select(AudienceSize.MidTier)).Select(c => c.CreatorId));
    }

    [Fact]
    public async Task Location_matches_case_insensitively_anywhere_and_wildcards_literally()
    {
        var moscow = await Creator(location: "Moscow, Russia");
        await Creator(location: "Berlin");
        await Creator(location: null);

        Assert.Equal([moscow], (await Select(location: "russia")).Select(c => c.CreatorId));
        Assert.Equal([moscow], (await Select(location: " MOSCOW ")).Select(c => c.CreatorId));
        Assert.Empty(await Select(location: "Mos%"));
    }

    [Fact]
    public async Task A_creator_is_selected_once_through_its_best_matching_profile()
    {
        var id = Guid.CreateVersion7();
        var created = await Creators.Insert(org, id, new CreatorDraft("Two profiles", null, true,
        [
            new SocialProfileDraft("instagram", $"ig{id:N}", 20_000, 0.08m),
            new SocialProfileDraft("tiktok", $"tt{id:N}", 30_000, 0.01m),
        ]));
        var tiktok = created!.Profiles.Single(p => p.Platform == "tiktok");
        await Creators.RecordVerification(org, tiktok.Id, new ProfileVerification(31_000, 0.012m, null, null, null, true, DateTimeOffset.UtcNow));

        var selected = Assert.Single(await Select());
        var instagramOnly = Assert.Single(await Select(platforms: ["instagram"]));

        Assert.Equal(tiktok.Id, selected.SocialProfileId);
        Assert.Equal("instagram", instagramOnly.Platform);
        Assert.Single(await Select(platforms: []));
    }
}
