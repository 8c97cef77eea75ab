using System.Data.Common;
using Campaigns.StoredState;
using Orleans.Storage;

namespace Campaigns.Silo.StoredState;

/// <summary>
/// The default grain storage as grains see it: the configured provider, with reads that fail on the stored bytes made
/// loud. Such a read is logged at Error (state name, grain, reason), recorded in <c>grain_state_failures</c>, and
/// rethrown as <see cref="UnreadableStateException"/>; the next successful read of the grain removes its record.
/// </summary>
/// <remarks>
/// A read that fails because the database could not be reached (or the read was cancelled) says nothing about the
/// stored bytes: it passes through unchanged, and the <c>postgresql</c> readiness check is what reports it.
/// </remarks>
public sealed class UnreadableStateGuard(IGrainStorage inner, UnreadableStateLedger ledger, ILogger<UnreadableStateGuard> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        try
        {
            await inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);
        }
        catch (Exception e) when (!IsStorageUnavailable(e))
        {
            var unreadable = new UnreadableStateException(stateName, grainId.ToString(), ReadableGrainKey.Of(grainId), Reason(e));
            logger.LogError(e, "Grain {GrainId} cannot load its stored state '{StateName}' (key {GrainKey}): {Reason}",
                unreadable.GrainId, stateName, unreadable.GrainKey, unreadable.Reason);
            await ledger.Record(unreadable);
            throw unreadable;
        }

        await ledger.Loaded(stateName, grainId);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken);

    /// <summary>The provider starts with the silo (the ADO.NET one loads its queries then); the guard itself has nothing to start.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static bool IsStorageUnavailable(Exception e) => e switch
    {
        DbException or TimeoutException or OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsStorageUnavailable),
        _ => e.InnerException is { } inner && IsStorageUnavailable(inner),
    };

    /// <summary>The innermost exception is the deserializer's own complaint; the layers around it only say "read failed".</summary>
    private static string Reason(Exception e)
    {
        var innermost = e;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        return $"{innermost.GetType().Name}: {innermost.Message}";
    }
}
