using Campaigns.Campaigns;
using Campaigns.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Campaigns.Outreach;

/// <summary>
/// The outreach part of a campaign, keyed by the campaign id: its templates, sequence and audience
/// (<see cref="ICampaignOutreachGrain"/>), start (bulk materialization of participants, no grain call per contact), the
/// dispatch that wakes due participants, stop, self-completion, and the participants' listing, stats and operator calls.
/// </summary>
/// <remarks>
/// <para>Who wakes participants: while active, an in-activation timer scans due rows (index <c>outreach_participants_due</c>)
/// and wakes them with bounded concurrency; a reminder (<see cref="OutreachOptions.DispatchPeriod"/>) brings the timer
/// back after a restart. Participants also hold their own reminder at <c>next_send_at</c>. Calls only go this grain →
/// participant; participants read the campaign facts through the interleaved <see cref="OutreachRuntime"/>, answered
/// from memory (the campaign grain pushes its facts with every hook), so a send costs no extra grain hop.</para>
/// <para>Call graph (docs/ARCHITECTURE.md, "Grain call graph"): the campaign grain calls the interleaved
/// <see cref="ICampaignKindGrain"/> hooks here; this grain calls the campaign only for its interleaved
/// <see cref="ICampaignGrain.Facts"/> read, for <see cref="ICampaignGrain.SetOutreachBrief"/> (no hook back) and, from
/// the interleaved dispatch timer, for <see cref="ICampaignGrain.CompleteByKind"/>, whose OnChanged call back is
/// interleaved too. No cycle can wait.</para>
/// </remarks>
public sealed partial class OutreachCampaignGrain(
    OutreachCampaignServices services,
    TimeProvider clock,
    ILogger<OutreachCampaignGrain> logger) : Grain, ICampaignOutreachGrain, ICampaignParticipantsGrain, ICampaignKindGrain, IRemindable
{
    public const string OutreachDispatchReminder = "outreach-dispatch";

    private IGrainTimer? dispatchTimer;
    private bool dispatching;

    /// <summary>The campaign's facts as last pushed or read; null until then or when the campaign does not exist.</summary>
    private CampaignFacts? facts;

    private Guid Id => this.GetPrimaryKey();

    private ICampaignGrain Campaign => GrainFactory.GetGrain<ICampaignGrain>(Id);

    private OutreachBrief Brief => facts?.Outreach ?? OutreachBrief.Empty;

    public async Task<OutreachRuntime?> OutreachRuntime() =>
        (facts ??= await Campaign.Facts()) is { Kind: CampaignKind.Outreach } known
            ? new OutreachRuntime(known.OrganizationId, known.Status, known.Outreach ?? OutreachBrief.Empty)
            : null;

    public Task<CampaignResult?> OnLaunch(CampaignFacts campaign, int maxCreators)
    {
        facts = campaign;
        return StartOutreach(campaign.OrganizationId);
    }

    public async Task OnChanged(CampaignFacts campaign, global::Campaigns.Influencer.CampaignSnapshot before)
    {
        facts = campaign;
        await FollowOutreach(campaign.Status);
    }

    public Task<string?> OnDelete(CampaignFacts campaign) => Task.FromResult<string?>(null);

    /// <summary>
    /// The section's rules as a whole, and its references to CRM records, which must be the organization's: errors
    /// naming each field refused, or null.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> Check(CampaignFacts proposed)
    {
        var brief = proposed.Outreach ?? OutreachBrief.Empty;
        var errors = new Dictionary<string, string[]>(OutreachBriefRules.Check(brief));
        var references = await OutreachReferences.Check(services.Companies, services.Pipelines, services.Audience, proposed.OrganizationId, brief);
        foreach (var (field, messages) in references ?? new Dictionary<string, string[]>())
        {
            errors[field] = messages;
        }

        return errors.Count > 0 ? errors : null;
    }

    /// <summary>The view with its section, templates and steps (GET shows "a campaign with its templates and steps").</summary>
    public async Task<CampaignView> Describe(CampaignFacts campaign, CampaignView view)
    {
        facts = campaign;
        return campaign.Outreach is { } brief
            ? view with { Outreach = new OutreachDetails(brief, await services.Plans.CampaignTemplates(Id), await services.Plans.Steps(Id)) }
            : view;
    }

    /// <summary>A copy of an outreach campaign keeps its sequence too.</summary>
    public async Task OnCopied(CampaignFacts campaign, Guid sourceId)
    {
        facts = campaign;
        await services.Plans.CopyPlan(campaign.OrganizationId, sourceId, Id);
    }

    /// <summary>
    /// The campaign grain's dispatch reminder (from before the move) fired: this grain registers its own and, if the
    /// campaign runs, starts dispatching. Registering first, then the campaign unregistering its own, means a crash
    /// between the two leaves two reminders that both only wake this grain (harmless), never none.
    /// </summary>
    public async Task AdoptReminder(CampaignFacts campaign, string reminderName)
    {
        facts = campaign;
        if (campaign.Status is CampaignStatus.Active or CampaignStatus.Paused)
        {
            await RegisterDispatchReminder();
        }

        await FollowOutreach(campaign.Status);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OutreachDispatchReminder)
        {
            await OutreachDispatchTick();
        }
    }
}
