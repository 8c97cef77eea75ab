using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Campaigns.AbTesting;

/// <summary>
/// Sticky, deterministic assignment: SHA-256 of (test id, subject id) read as a number in [0, 1) and looked up in the
/// variants' cumulative weights. The same subject gets the same variant on every silo, in every process, forever,
/// which <see cref="string.GetHashCode()"/> (randomized per process) could not promise.
/// </summary>
public static class VariantAssigner
{
    private const int MaxStackBytes = 512;

    /// <summary>The point in [0, 1) a subject falls on: the top 53 bits of the hash, the precision of a double.</summary>
    public static double Point(Guid testId, string subjectId)
    {
        var length = 16 + Encoding.UTF8.GetMaxByteCount(subjectId.Length);
        var rented = length > MaxStackBytes ? new byte[length] : null;
        Span<byte> input = rented ?? stackalloc byte[length];
        testId.TryWriteBytes(input, bigEndian: true, out _);
        var written = 16 + Encoding.UTF8.GetBytes(subjectId, input[16..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input[..written], hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    public static int Pick(Guid testId, string subjectId, IReadOnlyList<double> weights)
    {
        var target = Point(testId, subjectId) * weights.Sum();
        var cumulative = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            cumulative += weights[i];
            if (target < cumulative)
            {
                return i;
            }
        }

        // Rounding of the cumulative sum can leave the very top of the range uncovered; it belongs to the last variant.
        return weights.Count - 1;
    }
}
