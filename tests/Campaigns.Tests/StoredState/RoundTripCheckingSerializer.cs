using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;

namespace Campaigns.Tests.StoredState;

/// <summary>
/// Wraps the configured grain storage serializer in every test silo: each state written is read back through the same
/// serializer and written again, and the write fails unless both byte strings are equal. So every mutation path any
/// test drives (CSV import, PATCH, steps, duplication, activation, A/B variants, allocations, sends) proves its state
/// reads back, not only the paths a restart test happens to cover.
/// </summary>
public sealed class RoundTripCheckingSerializer(IGrainStorageSerializer inner) : IGrainStorageSerializer
{
    private static readonly ConcurrentDictionary<Type, long> Checked = new();

    /// <summary>How many writes of a state type passed the check in this test process.</summary>
    public static long CheckedWrites(Type stateType) => Checked.TryGetValue(stateType, out var count) ? count : 0;

    public static void Install(IServiceCollection services) =>
        services.PostConfigureAll<AdoNetGrainStorageOptions>(o =>
        {
            if (o.GrainStorageSerializer is not (null or RoundTripCheckingSerializer))
            {
                o.GrainStorageSerializer = new RoundTripCheckingSerializer(o.GrainStorageSerializer);
            }
        });

    public BinaryData Serialize<T>(T? input)
    {
        var stored = inner.Serialize(input);
        T? reread;
        try
        {
            reread = inner.Deserialize<T>(stored);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"A {typeof(T).Name} was written that cannot be read back: {e.Message}", e);
        }

        var rewritten = inner.Serialize(reread);
        if (!stored.ToMemory().Span.SequenceEqual(rewritten.ToMemory().Span))
        {
            throw new InvalidOperationException(
                $"A {typeof(T).Name} does not survive storage: {stored.ToMemory().Length} bytes written, {rewritten.ToMemory().Length} after a read and a write.");
        }

        Checked.AddOrUpdate(typeof(T), 1, (_, count) => count + 1);
        return stored;
    }

    public T? Deserialize<T>(BinaryData input) => inner.Deserialize<T>(input);
}
