using Campaigns.Campaigns;

namespace Campaigns.Outreach;

/// <summary>An outreach campaign's participants as a whole: listing, statistics and the operator's retry/skip.</summary>
public sealed partial class OutreachCampaignGrain
{
    public async Task<ParticipantsAnswer<ParticipantPage>> ListParticipants(Guid organizationId, ParticipantStatus? status, Guid? after, int limit) =>
        await IsOutreachOf(organizationId)
            ? ParticipantsAnswer<ParticipantPage>.Ok(await services.Participants.List(Id, status, after, limit))
            : ParticipantsAnswer<ParticipantPage>.NotFound();

    public async Task<ParticipantsAnswer<OutreachStats>> Stats(Guid organizationId) =>
        await IsOutreachOf(organizationId)
            ? ParticipantsAnswer<OutreachStats>.Ok(await services.Participants.Stats(Id))
            : ParticipantsAnswer<OutreachStats>.NotFound();

    public Task<ParticipantsAnswer<ParticipantView>> RetryParticipant(Guid organizationId, Guid contactId) =>
        Operate(organizationId, contactId, participant => participant.Retry());

    public Task<ParticipantsAnswer<ParticipantView>> SkipParticipant(Guid organizationId, Guid contactId) =>
        Operate(organizationId, contactId, participant => participant.Skip());

    private async Task<ParticipantsAnswer<ParticipantView>> Operate(
        Guid organizationId, Guid contactId, Func<IParticipantGrain, Task<ParticipantCommandResult>> command)
    {
        if (!await IsOutreachOf(organizationId))
        {
            return ParticipantsAnswer<ParticipantView>.NotFound();
        }

        var result = await command(GrainFactory.Participant(Id, contactId));
        return result.Outcome switch
        {
            ParticipantCommandOutcome.Ok => ParticipantsAnswer<ParticipantView>.Ok(result.Participant!),
            ParticipantCommandOutcome.Conflict => ParticipantsAnswer<ParticipantView>.Conflict(result.Message ?? "The participant cannot do that now."),
            _ => ParticipantsAnswer<ParticipantView>.NotFound("No such participant in the campaign."),
        };
    }

    /// <summary>Reads the campaign afresh (interleaved on the campaign grain) so a deleted campaign answers NotFound.</summary>
    private async Task<bool> IsOutreachOf(Guid organizationId) =>
        await Campaign.Facts() is { Kind: CampaignKind.Outreach } known && known.OrganizationId == organizationId;
}
