using Campaigns.AbTesting;
using Campaigns.Campaigns;
using Campaigns.Influencer;
using Campaigns.Outreach;

namespace Campaigns.StoredState;

/// <summary>
/// Every state a grain persists, by the name it is stored under (the <c>[PersistentState]</c> name, which the ADO.NET
/// provider writes to <c>orleansstorage.graintypestring</c>). Upgrading stored rows needs to know which type a row
/// holds; a test keeps this list equal to the grains' constructors. See docs/ARCHITECTURE.md, "Grain state storage".
/// </summary>
public static class GrainStateCatalog
{
    public static IReadOnlyDictionary<string, Type> StateTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [StateNames.Campaign] = typeof(CampaignState),
        [StateNames.Allocation] = typeof(AllocationState),
        [StateNames.Participant] = typeof(ParticipantState),
        [StateNames.AbTest] = typeof(AbTestState),
        [StateNames.InfluencerCampaign] = typeof(InfluencerCampaignState),
    };
}

/// <summary>The stored names of the grain states: renaming one orphans every row written under the old name.</summary>
public static class StateNames
{
    public const string Campaign = "campaign";
    public const string Allocation = "allocation";
    public const string Participant = "participant";
    public const string AbTest = "abtest";
    public const string InfluencerCampaign = "influencer-campaign";
}
