using System.Text;
using Newtonsoft.Json;

namespace Campaigns.Silo.StoredState;

/// <summary>
/// Reads grain state written before the format change: Orleans' default Newtonsoft serializer with
/// <c>TypeNameHandling.All</c>, so every object and collection carries a <c>$type</c> naming a CLR type, some of
/// which (compiler-generated collections such as <c>&lt;&gt;z__ReadOnlyArray</c>) can never be loaded again.
/// This reader ignores every <c>$type</c> and builds the types the state declares today, so a row reads whatever the
/// classes were called when it was written; <c>$values</c> wrappers and <c>$id</c>/<c>$ref</c> references are
/// still honoured.
/// </summary>
public sealed class LegacyJsonStateReader
{
    private readonly JsonSerializer json = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.ReadAhead,
        PreserveReferencesHandling = PreserveReferencesHandling.Objects,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    });

    public T? Read<T>(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(utf8)));
            return json.Deserialize<T>(reader)
                ?? throw new GrainStateFormatException($"The stored legacy {typeof(T).Name} is JSON null.");
        }
        catch (JsonException e)
        {
            throw new GrainStateFormatException($"The stored legacy {typeof(T).Name} is not readable JSON: {e.Message}", e);
        }
    }
}
