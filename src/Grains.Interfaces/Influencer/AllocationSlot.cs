namespace Campaigns.Influencer;

/// <summary>
/// An allocation as its campaign remembers it: enough to create the grain again after a crash and to keep declined
/// creators out of the next selection.
/// </summary>
[GenerateSerializer, Alias("campaigns.AllocationSlot")]
public sealed class AllocationSlot
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public CreatorCandidate Creator { get; set; } = null!;
    [Id(2)] public long Budget { get; set; }

    /// <summary>The allocation grain has confirmed it exists; until then the campaign creates it (again, idempotently).</summary>
    [Id(3)] public bool Created { get; set; }

    [Id(4)] public bool Declined { get; set; }

    /// <summary>The allocation that took this one's budget after a decline.</summary>
    [Id(5)] public Guid? ReplacementId { get; set; }
}
