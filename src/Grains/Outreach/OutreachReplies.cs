using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;

namespace Campaigns.Outreach;

/// <summary>
/// Routes a private message a contact wrote to a sending account to that contact's participants in the organization's
/// active or paused outreach campaigns (each marks itself replied). <c>/start</c> is pressing the bot's button, not a reply.
/// </summary>
/// <remarks>Idempotent: a participant takes only its first reply, so a message delivered twice changes nothing more.</remarks>
public sealed class OutreachReplies(OutreachParticipantRepository participants, IGrainFactory grains) : IIncomingMessageSink
{
    public async Task OnPrivateMessage(IncomingPrivateMessage message, CancellationToken cancellationToken)
    {
        if (message.ContactId is not { } contactId || IsStart(message.Text))
        {
            return;
        }

        foreach (var campaignId in await participants.LiveCampaignsOf(message.OrganizationId, contactId))
        {
            await grains.Participant(campaignId, contactId).OnReply(message.MessageId, message.At);
        }
    }

    private static bool IsStart(string? text) =>
        text is not null && (text.Trim() == "/start" || text.TrimStart().StartsWith("/start ", StringComparison.Ordinal));
}
