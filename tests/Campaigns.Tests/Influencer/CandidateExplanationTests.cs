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

/// <summary><see cref="CreatorRepository.ExplainNoCandidates"/> counting the stage-2 criteria on a fresh organization per test.</summary>
public sealed class CandidateExplanationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource? source;
    private Guid org;

    private CreatorRepository Creators => new(source!, TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        source = NpgsqlDataSource.Create(postgres.ConnectionString);
        org = (await TestOrganizations.Create(postgres.ConnectionString)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (source is not null)
        {
            await source.DisposeAsync();
        }
    }

    private async Task<Guid> Creator(string platform = "instagram", long? followers = 5_000, string? location = "Paris", bool active = true, Guid? organization = null)
    {
        var id = Guid.CreateVersion7();
        await Creators.Insert(organization ?? org, id, new CreatorDraft($"C {id:N}", null, active,
            [new SocialProfileDraft(platform, $"u{id:N}", followers, null, [], location)]));
        return id;
    }

    private Task<string> Explain(AudienceSize? size = null, string? location = null, string[]? platforms = null, Guid[]? excluded = null) =>
        Creators.ExplainNoCandidates(org, new CandidateCriteria(platforms ?? ["instagram"], size, location, excluded ?? [], 10));

    [Fact]
    public async Task Counts_each_criterion_cumulatively_and_names_the_one_nobody_passed()
    {
        await Creator(location: "Lyon");
        await Creator(location: "Lyon");
        await Creator(followers: 50_000);
        await Creator("tiktok");
        await Creator(organization: (await TestOrganizations.Create(postgres.ConnectionString)).Id);

        Assert.Equal(
            "No creator matches this campaign: 3 profiles on instagram, 2 of them in the micro audience band (1,000–9,999 followers), " +
            "none of those in a location matching 'paris'.",
            await Explain(AudienceSize.Micro, "paris"));
        Assert.Equal(
            "No creator matches this campaign: 3 profiles on instagram, none of those in a location matching 'Berlin'.",
            await Explain(location: "Berlin"));
    }

    [Fact]
    public async Task Inactive_creators_dataless_profiles_and_declined_creators_each_show_as_the_cause()
    {
        await Creator(active: false);
        Assert.EndsWith("1 profile on instagram, none of those whose creator is active.", await Explain());

        await Creator(followers: null);
        Assert.EndsWith("2 profiles on instagram, 1 of them whose creator is active, none of those with declared or verified followers.", await Explain());

        var declined = await Creator();
        Assert.Equal(
            "No creator matches this campaign: 3 profiles on instagram, 2 of them whose creator is active, " +
            "1 of them with declared or verified followers, none of those whose creator this campaign has not allocated before (declines included).",
            await Explain(excluded: [declined]));
        Assert.StartsWith("Creators match this campaign:", await Explain());
    }

    [Fact]
    public async Task An_empty_organization_has_no_profiles()
    {
        Assert.Equal("No creator matches this campaign: no profiles on instagram or tiktok.", await Explain(platforms: ["instagram", "tiktok"]));
    }

    [Fact]
    public async Task Agrees_with_the_selection_it_explains()
    {
        await Creator(followers: 9_999);
        await Creator(followers: 10_000);

        var criteria = new CandidateCriteria(["instagram"], AudienceSize.MidTier, "Paris", [], 10);
        Assert.Single(await Creators.SelectCandidates(org, criteria.Platforms, criteria.AudienceSize, criteria.Location, criteria.ExcludedCreatorIds, criteria.Limit));
        Assert.Equal(
            "Creators match this campaign: 2 profiles on instagram, 1 of them in the mid-tier audience band (10,000–99,999 followers), " +
            "1 of them in a location matching 'Paris', 1 of them whose creator is active, 1 of them with declared or verified followers.",
            await Creators.ExplainNoCandidates(org, criteria));
    }
}
