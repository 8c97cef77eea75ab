
namespace Campaigns.Simulators.Telegram;

/// <summary>What a scripted sendMessage failure answers.</summary>
public enum TelegramFault
{
    /// <summary>429 with <c>parameters.retry_after</c>.</summary>
    TooManyRequests,

    /// <summary>403 "Forbidden: bot was blocked by the user".</summary>
    Forbidden,

    /// <summary>500 "Internal Server Error".</summary>
    ServerError,

    /// <summary>The connection is cut before any answer: the client sees a network error.</summary>
    DropConnection,

    /// <summary>The message is delivered, then the answer is 500: the client cannot tell it went out.</summary>
    ServerErrorAfterDelivery,

    /// <summary>The message is delivered, then a proxy's 502 with an HTML page instead of the Bot API's JSON.</summary>
    BadGatewayAfterDelivery,

    /// <summary>The message is delivered, and no answer comes until the client gives up (its timeout).</summary>
    NoAnswerAfterDelivery,
}

/// <summary>
/// Scripted sendMessage failures: "the next N sends (optionally to one chat) answer X", consumed in the order they were
/// scripted. Unscripted sends take a lock-free fast path, so the benchmark pays nothing for this.
/// </summary>
public sealed class TelegramFaults
{
    private readonly Lock gate = new();
    private readonly List<ScriptedSendFault> pending = [];
    private int count;

    /// <summary>The next <paramref name="times"/> sends (to <paramref name="chatId"/> only, when given) fail with <paramref name="fault"/>.</summary>
    public void FailNextSends(TelegramFault fault, int times = 1, long? chatId = null, int retryAfterSeconds = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (gate)
        {
            pending.Add(new ScriptedSendFault(fault, times, chatId, retryAfterSeconds));
            Volatile.Write(ref count, pending.Count);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
            Volatile.Write(ref count, 0);
        }
    }

    internal ScriptedSendFault? TakeFor(long chatId)
    {
        if (Volatile.Read(ref count) == 0)
        {
            return null;
        }

        lock (gate)
        {
            var index = pending.FindIndex(f => f.ChatId is null || f.ChatId == chatId);
            if (index < 0)
            {
                return null;
            }

            var fault = pending[index];
            if (fault.Times <= 1)
            {
                pending.RemoveAt(index);
            }
            else
            {
                pending[index] = fault with { Times = fault.Times - 1 };
            }

            Volatile.Write(ref count, pending.Count);
            return fault;
        }
    }
}

internal sealed record ScriptedSendFault(TelegramFault Fault, int Times, long? ChatId, int RetryAfterSeconds);
