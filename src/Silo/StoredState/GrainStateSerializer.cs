using System.Buffers;
using Orleans.Serialization;
using Orleans.Storage;

namespace Campaigns.Silo.StoredState;

/// <summary>
/// The grain storage serializer of every Campaigns silo: writes <see cref="GrainStateFormat.OrleansBinaryV1"/> (the
/// Orleans serializer, fields by <c>[Id]</c>, no CLR type names), and still reads rows written in the legacy JSON
/// format so that an un-upgraded row loads instead of failing. See docs/ARCHITECTURE.md, "Grain state storage".
/// </summary>
public sealed class GrainStateSerializer(Serializer serializer) : IGrainStorageSerializer
{
    private readonly LegacyJsonStateReader legacy = new();

    public BinaryData Serialize<T>(T? input)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.GetSpan(1)[0] = GrainStateFormat.OrleansBinaryV1;
        buffer.Advance(1);
        serializer.Serialize(input, buffer);
        return new BinaryData(buffer.WrittenMemory);
    }

    public T? Deserialize<T>(BinaryData input)
    {
        var bytes = input.ToMemory();
        if (bytes.IsEmpty)
        {
            throw new GrainStateFormatException($"The stored {typeof(T).Name} is empty.");
        }

        return bytes.Span[0] switch
        {
            GrainStateFormat.OrleansBinaryV1 => ReadBinary<T>(bytes[1..]),
            GrainStateFormat.LegacyJson => legacy.Read<T>(bytes.Span),
            var marker => throw new GrainStateFormatException(
                $"The stored {typeof(T).Name} starts with byte 0x{marker:x2}, which is no known state format."),
        };
    }

    private T? ReadBinary<T>(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return serializer.Deserialize<T>(bytes.Span);
        }
        catch (Exception e) when (e is not GrainStateFormatException)
        {
            throw new GrainStateFormatException($"The stored {typeof(T).Name} is not a readable Orleans binary state: {e.Message}", e);
        }
    }
}
