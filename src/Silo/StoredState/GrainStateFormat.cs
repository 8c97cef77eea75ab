
namespace Campaigns.Silo.StoredState;

/// <summary>
/// How a stored grain state row says what it holds. Rows written since the format change start with
/// <see cref="OrleansBinaryV1"/>; rows written before it are Newtonsoft JSON text, so their first byte is <c>{</c>.
/// JSON text can never start with byte 1, so the first byte alone tells the two apart. See docs/ARCHITECTURE.md.
/// </summary>
public static class GrainStateFormat
{
    /// <summary>The state, after this byte, in the Orleans serializer's version-tolerant binary format.</summary>
    public const byte OrleansBinaryV1 = 1;

    /// <summary>The first byte of a row written by the Newtonsoft JSON serializer used before the format change.</summary>
    public const byte LegacyJson = (byte)'{';
}
