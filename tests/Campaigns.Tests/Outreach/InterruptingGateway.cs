using System.Collections.Concurrent;
using Campaigns.Integrations.Telegram;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Outreach;

/// <summary>
/// The real gateway, except that a send to a chat a test names reaches Telegram and then throws, as a silo dying (or a
/// connection dropping) after the request left would: the caller cannot know the message went out.
/// </summary>
public sealed class InterruptingGateway(ITelegramGateway real) : ITelegramGateway
{
    private readonly ConcurrentDictionary<long, bool> interrupted = new();

    public void InterruptNextSendTo(long chatId) => interrupted[chatId] = true;

    public async Task<TelegramSendResult> SendText(Guid sendingAccountId, long chatId, string text, CancellationToken cancellationToken)
    {
        var result = await real.SendText(sendingAccountId, chatId, text, cancellationToken);
        if (interrupted.TryRemove(chatId, out _))
        {
            throw new IOException("The connection was lost after the request was sent.");
        }

        return result;
    }
}
