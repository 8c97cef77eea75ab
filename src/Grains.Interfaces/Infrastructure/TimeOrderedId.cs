using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Campaigns.Infrastructure;

/// <summary>
/// UUIDv7 identifiers that sort in the order they were made. <see cref="Guid.CreateVersion7()"/>
/// fills everything below the millisecond with random bits, so two rows made in the same millisecond
/// (an audited create and the rejected update right after it) could list in either order.
/// Here the 12 bits after the timestamp are a counter (RFC 9562 §6.2, method 1): within a millisecond
/// it counts up, and when it runs out the timestamp borrows the next millisecond.
/// </summary>
public sealed class TimeOrderedId(TimeProvider clock)
{
    private const int CounterMax = 0xFFF;
    private static readonly TimeOrderedId Process = new(TimeProvider.System);
    private readonly Lock gate = new();
    private long lastMilliseconds = -1;
    private int counter;

    /// <summary>The next identifier of this process; ordered after every one it made before.</summary>
    public static Guid New() => Process.Next();

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[6..]);
        long milliseconds;
        int sequence;
        lock (gate)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (now > lastMilliseconds)
            {
                lastMilliseconds = now;
                // Start in the lower half so a busy millisecond has room to count up.
                counter = BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]) & (CounterMax >> 1);
            }
            else if (counter < CounterMax)
            {
                counter++;
            }
            else
            {
                lastMilliseconds++;
                counter = 0;
            }
            milliseconds = lastMilliseconds;
            sequence = counter;
        }

        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], milliseconds << 16);
        bytes[6] = (byte)(0x70 | (sequence >> 8));
        bytes[7] = (byte)sequence;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
