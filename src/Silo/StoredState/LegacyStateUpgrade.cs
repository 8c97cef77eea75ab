using System.Diagnostics;
using System.Reflection;
using Campaigns.StoredState;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Campaigns.Silo.StoredState;

/// <summary>How one upgrade pass went.</summary>
public sealed record LegacyStateUpgradeResult(int Upgraded, int Unreadable, int Unknown);

/// <summary>
/// Rewrites every grain state row still in the legacy JSON format in the current format, once, when a silo starts and
/// before it can activate a grain (docs/ARCHITECTURE.md, "Upgrading stored state"). A row that cannot be read is left
/// as it is and logged with its grain; reading it later fails loudly. Silos starting together take turns on an
/// advisory lock, and a row changed since it was read is not overwritten.
/// </summary>
public sealed partial class LegacyStateUpgrade(string connectionString, Serializer serializer, ILogger<LegacyStateUpgrade> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private const int BatchSize = 500;
    private readonly LegacyStateRows rows = new(connectionString);
    private readonly GrainStateSerializer states = new(serializer);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LegacyStateUpgrade), ServiceLifecycleStage.ApplicationServices, async cancellationToken => await Run(cancellationToken));

    public async Task<LegacyStateUpgradeResult> Run(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        int upgraded = 0, unreadable = 0, unknown = 0;
        var (connection, upgradeLock) = await rows.Lock(cancellationToken);
        await using (connection)
        await using (upgradeLock)
        {
            var batch = new List<(LegacyStateRow Row, byte[] Payload)>(BatchSize);
            await foreach (var row in rows.ReadAll(connection, upgradeLock, cancellationToken))
            {
                if (!GrainStateCatalog.StateTypes.TryGetValue(row.StateName, out var stateType))
                {
                    unknown++;
                    LogUnknownState(row.StateName, row.GrainKey);
                    continue;
                }

                try
                {
                    batch.Add((row, Reencode(stateType, row.Payload)));
                }
                catch (GrainStateFormatException e)
                {
                    unreadable++;
                    LogUnreadable(e, row.StateName, row.GrainKey, e.Message);
                    continue;
                }

                if (batch.Count == BatchSize)
                {
                    upgraded += await rows.Rewrite(batch, cancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                upgraded += await rows.Rewrite(batch, cancellationToken);
            }

            await upgradeLock.CommitAsync(cancellationToken);
        }

        if (upgraded + unreadable + unknown > 0)
        {
            LogUpgraded(upgraded, unreadable, unknown, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new LegacyStateUpgradeResult(upgraded, unreadable, unknown);
    }

    // DoNotWrapExceptions: a row that fails must surface as its GrainStateFormatException, not a TargetInvocationException.
    private byte[] Reencode(Type stateType, byte[] legacy) =>
        (byte[])ReencodeAs.MakeGenericMethod(stateType).Invoke(this, BindingFlags.DoNotWrapExceptions, null, [legacy], null)!;

    private static readonly MethodInfo ReencodeAs = typeof(LegacyStateUpgrade).GetMethod(nameof(ReencodeTyped), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private byte[] ReencodeTyped<T>(byte[] legacy)
    {
        try
        {
            return states.Serialize(states.Deserialize<T>(new BinaryData(legacy))).ToArray();
        }
        catch (Exception e) when (e is not GrainStateFormatException)
        {
            throw new GrainStateFormatException($"The legacy {typeof(T).Name} could not be rewritten: {e.Message}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upgraded {Upgraded} grain state rows from the legacy JSON format ({Unreadable} unreadable, {Unknown} of unknown states) in {Milliseconds:F0} ms")]
    private partial void LogUpgraded(int upgraded, int unreadable, int unknown, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain state {StateName} of {GrainKey} is in the legacy format but cannot be read, so it was left as it is: {Reason}")]
    private partial void LogUnreadable(Exception exception, string stateName, string grainKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain state row {GrainKey} is stored under {StateName}, which no grain of this version persists; left as it is")]
    private partial void LogUnknownState(string stateName, string grainKey);
}

public static class LegacyStateUpgradeRegistration
{
    /// <summary>Runs <see cref="LegacyStateUpgrade"/> in every silo's start, before the silo joins the cluster.</summary>
    public static IServiceCollection AddLegacyStateUpgrade(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(sp => new LegacyStateUpgrade(connectionString, sp.GetRequiredService<Serializer>(), sp.GetRequiredService<ILogger<LegacyStateUpgrade>>()));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<LegacyStateUpgrade>());
        return services;
    }
}
