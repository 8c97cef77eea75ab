using Campaigns.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Campaigns;

public sealed class CampaignLifecycleRulesTests
{
    /// <summary>The whole state machine, written out by hand: every (from, command) pair that is allowed and where it leads.</summary>
    private static readonly Dictionary<(CampaignStatus From, CampaignTransition Command), CampaignStatus> Allowed = new()
    {
        [(CampaignStatus.Draft, CampaignTransition.Schedule)] = CampaignStatus.Scheduled,
        [(CampaignStatus.Draft, CampaignTransition.Launch)] = CampaignStatus.Active,
        [(CampaignStatus.Scheduled, CampaignTransition.Launch)] = CampaignStatus.Active,
        [(CampaignStatus.Active, CampaignTransition.Pause)] = CampaignStatus.Paused,
        [(CampaignStatus.Paused, CampaignTransition.Resume)] = CampaignStatus.Active,
        [(CampaignStatus.Active, CampaignTransition.Complete)] = CampaignStatus.Completed,
        [(CampaignStatus.Paused, CampaignTransition.Complete)] = CampaignStatus.Completed,
        [(CampaignStatus.Draft, CampaignTransition.Cancel)] = CampaignStatus.Cancelled,
        [(CampaignStatus.Scheduled, CampaignTransition.Cancel)] = CampaignStatus.Cancelled,
        [(CampaignStatus.Active, CampaignTransition.Cancel)] = CampaignStatus.Cancelled,
        [(CampaignStatus.Paused, CampaignTransition.Cancel)] = CampaignStatus.Cancelled,
    };

    public static TheoryData<CampaignStatus, CampaignTransition, CampaignStatus> AllowedMoves()
    {
        var data = new TheoryData<CampaignStatus, CampaignTransition, CampaignStatus>();
        foreach (var ((from, command), to) in Allowed)
        {
            data.Add(from, command, to);
        }

        return data;
    }

    public static TheoryData<CampaignStatus, CampaignTransition> RefusedMoves()
    {
        var data = new TheoryData<CampaignStatus, CampaignTransition>();
        foreach (var from in Enum.GetValues<CampaignStatus>())
        {
            foreach (var command in Enum.GetValues<CampaignTransition>())
            {
                if (!Allowed.ContainsKey((from, command)))
                {
                    data.Add(from, command);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Allowed_transition_leads_to_its_status(CampaignStatus from, CampaignTransition command, CampaignStatus to) =>
        Assert.Equal(to, CampaignLifecycle.Next(from, command));

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Refused_transition_has_no_next_status(CampaignStatus from, CampaignTransition command) =>
        Assert.Null(CampaignLifecycle.Next(from, command));

    [Fact]
    public void The_matrix_covers_every_pair()
    {
        var pairs = Enum.GetValues<CampaignStatus>().Length * Enum.GetValues<CampaignTransition>().Length;
        Assert.Equal(36, pairs);
        Assert.Equal(pairs, AllowedMoves().Count + RefusedMoves().Count);
    }

    [Theory]
    [InlineData(CampaignStatus.Completed, CampaignTransition.Resume, "Cannot resume a campaign whose status is 'completed'.")]
    [InlineData(CampaignStatus.Cancelled, CampaignTransition.Cancel, "Cannot cancel a campaign whose status is 'cancelled'.")]
    [InlineData(CampaignStatus.Draft, CampaignTransition.Pause, "Cannot pause a campaign whose status is 'draft'.")]
    [InlineData(CampaignStatus.Scheduled, CampaignTransition.Schedule, "Cannot schedule a campaign whose status is 'scheduled'.")]
    [InlineData(CampaignStatus.Active, CampaignTransition.Launch, "Cannot launch a campaign whose status is 'active'.")]
    [InlineData(CampaignStatus.Paused, CampaignTransition.Pause, "Cannot pause a campaign whose status is 'paused'.")]
    public void Refusal_names_the_command_and_the_current_status(CampaignStatus from, CampaignTransition command, string expected) =>
        Assert.Equal(expected, CampaignLifecycle.Refusal(from, command));

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Every_refusal_names_the_current_status(CampaignStatus from, CampaignTransition command) =>
        Assert.Contains($"'{from.ToString().ToLowerInvariant()}'", CampaignLifecycle.Refusal(from, command));

    [Theory]
    [InlineData(CampaignStatus.Draft, true)]
    [InlineData(CampaignStatus.Scheduled, false)]
    [InlineData(CampaignStatus.Active, false)]
    [InlineData(CampaignStatus.Paused, false)]
    [InlineData(CampaignStatus.Completed, true)]
    [InlineData(CampaignStatus.Cancelled, true)]
    public void Only_draft_and_finished_campaigns_can_be_deleted(CampaignStatus status, bool deletable) =>
        Assert.Equal(deletable, CampaignLifecycle.CanDelete(status));

    [Theory]
    [InlineData(CampaignStatus.Draft, false)]
    [InlineData(CampaignStatus.Scheduled, false)]
    [InlineData(CampaignStatus.Active, false)]
    [InlineData(CampaignStatus.Paused, false)]
    [InlineData(CampaignStatus.Completed, true)]
    [InlineData(CampaignStatus.Cancelled, true)]
    public void Completed_and_cancelled_are_final(CampaignStatus status, bool final) =>
        Assert.Equal(final, CampaignLifecycle.IsFinal(status));
}
