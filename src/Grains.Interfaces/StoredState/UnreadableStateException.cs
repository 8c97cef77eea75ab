
namespace Campaigns.StoredState;

/// <summary>
/// A grain's stored state exists but cannot be read (its bytes do not deserialize), so the grain cannot serve any call
/// until an operator repairs the stored row. The silo's grain storage throws it in place of the serializer's own error,
/// so every caller, on any host, can tell this failure from a bug and say which resource is affected.
/// </summary>
/// <remarks>
/// An <see cref="OrleansException"/> so the runtime hands it to the caller as it is rather than wrapped. It carries no
/// inner exception: the silo logs the original with its stack, and the original's type may not exist on the caller's
/// side (nor be fit to show there).
/// </remarks>
[GenerateSerializer, Alias("campaigns.UnreadableStateException")]
public sealed class UnreadableStateException : OrleansException
{
    public UnreadableStateException(string stateName, string grainId, string grainKey, string reason)
        : base($"The stored state '{stateName}' of grain {grainId} cannot be read: {reason}")
    {
        StateName = stateName;
        GrainId = grainId;
        GrainKey = grainKey;
        Reason = reason;
    }

    /// <summary>The name in the grain's <c>[PersistentState("…")]</c>: <c>campaign</c>, <c>allocation</c>, <c>participant</c>, <c>abtest</c>.</summary>
    [Id(0)]
    public string StateName { get; private set; }

    /// <summary>The Orleans grain id, as the runtime's logs print it.</summary>
    [Id(1)]
    public string GrainId { get; private set; }

    /// <summary>
    /// The key as the API shows it: a Guid key as <c>D</c> (<c>0190…-…</c>); a Guid key with an extension as
    /// <c>{guid}+{extension}</c>; an integer or string key as it is.
    /// </summary>
    [Id(2)]
    public string GrainKey { get; private set; }

    /// <summary>Why the read failed: the deserializer's exception type and message. For operators, not for API clients.</summary>
    [Id(3)]
    public string Reason { get; private set; }
}
