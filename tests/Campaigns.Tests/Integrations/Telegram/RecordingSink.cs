using System.Collections.Concurrent;
using Campaigns.Outreach;

namespace Campaigns.Tests.Integrations.Telegram;

/// <summary>An <see cref="IIncomingMessageSink"/> that keeps every private message the intake hands it.</summary>
public sealed class RecordingSink : IIncomingMessageSink
{
    private readonly ConcurrentQueue<IncomingPrivateMessage> messages = new();

    public IReadOnlyList<IncomingPrivateMessage> Messages => messages.ToArray();

    public Task OnPrivateMessage(IncomingPrivateMessage message, CancellationToken cancellationToken)
    {
        messages.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The first message matching <paramref name="match"/>, waiting for it to arrive.</summary>
    public Task<IncomingPrivateMessage> WaitFor(Func<IncomingPrivateMessage, bool> match, string what) =>
        TelegramHostFixture.Eventually(() => Task.FromResult(messages.FirstOrDefault(match)), m => m is not null, what)!;
}
