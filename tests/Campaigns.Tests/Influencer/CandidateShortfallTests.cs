using Campaigns.Influencer;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Influencer;

public sealed class CandidateShortfallTests
{
    private static CandidateCriteria Criteria(string[]? platforms = null, AudienceSize? size = null, string? location = null, Guid[]? excluded = null) =>
        new(platforms ?? ["instagram"], size, location, excluded ?? [], 10);

    [Fact]
    public void Stops_at_the_first_criterion_nobody_passed()
    {
        var message = CandidateShortfall.Explain(Criteria(size: AudienceSize.Micro, location: " Paris "), new CandidateFunnel(12, 3, 0, 0, 0, 0));

        Assert.Equal(
            "No creator matches this campaign: 12 profiles on instagram, 3 of them in the micro audience band (1,000–9,999 followers), " +
            "none of those in a location matching 'Paris'.",
            message);
    }

    [Fact]
    public void Criteria_that_are_not_set_are_not_mentioned()
    {
        var message = CandidateShortfall.Explain(Criteria(platforms: ["instagram", "tiktok"]), new CandidateFunnel(4, 4, 4, 0, 0, 0));

        Assert.Equal("No creator matches this campaign: 4 profiles on instagram or tiktok, none of those whose creator is active.", message);
    }

    [Fact]
    public void No_profile_at_all_is_said_once()
    {
        Assert.Equal(
            "No creator matches this campaign: no profiles on any platform.",
            CandidateShortfall.Explain(Criteria(platforms: [], size: AudienceSize.Mega), new CandidateFunnel(0, 0, 0, 0, 0, 0)));
    }

    [Fact]
    public void Exclusions_are_the_last_criterion_and_open_bands_read_as_or_more()
    {
        var message = CandidateShortfall.Explain(
            Criteria(size: AudienceSize.Mega, excluded: [Guid.NewGuid()]), new CandidateFunnel(1_500, 1, 1, 1, 1, 0));

        Assert.Equal(
            "No creator matches this campaign: 1,500 profiles on instagram, 1 of them in the mega audience band (1,000,000 or more followers), " +
            "1 of them whose creator is active, 1 of them with declared or verified followers, " +
            "none of those whose creator this campaign has not allocated before (declines included).",
            message);
    }

    [Fact]
    public void When_creators_do_match_the_whole_funnel_is_told()
    {
        Assert.Equal(
            "Creators match this campaign: 1 profile on instagram, 1 of them whose creator is active, 1 of them with declared or verified followers.",
            CandidateShortfall.Explain(Criteria(), new CandidateFunnel(1, 1, 1, 1, 1, 1)));
    }
}
