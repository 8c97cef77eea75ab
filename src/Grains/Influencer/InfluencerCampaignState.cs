namespace Campaigns.Influencer;

/// <summary>What an influencer campaign grain persists: its allocations and its end-date reminder.</summary>
/// <remarks>
/// Before the kinds moved out of the campaign grain these lived in <c>CampaignState</c> (ids 19 and 20); the first call
/// that reaches this grain adopts them once (<see cref="Adopted"/>), and the campaign grain never writes them again.
/// </remarks>
[GenerateSerializer, Alias("campaigns.InfluencerCampaignState")]
public sealed class InfluencerCampaignState
{
    /// <summary>The campaign's pre-move allocations were copied here; later calls never copy them again.</summary>
    [Id(0)] public bool Adopted { get; set; }

    /// <summary>Every allocation this campaign made, in order, including declined ones.</summary>
    [Id(1)] public List<AllocationSlot> Allocations { get; set; } = [];

    /// <summary>The end date this grain's completion reminder is registered for; null when none is.</summary>
    [Id(2)] public DateOnly? EndReminderFor { get; set; }
}
