
namespace Campaigns.Influencer;

/// <summary>
/// Where a creator's allocation is: offered (<see cref="Pending"/>), taken (<see cref="Accepted"/>), live with at least
/// one campaign post (<see cref="Active"/>), or ended: refused by the creator, or ended with its campaign.
/// </summary>
[GenerateSerializer, Alias("campaigns.AllocationStatus")]
public enum AllocationStatus
{
    Pending = 0,
    Accepted = 1,
    Active = 2,
    Declined = 3,
    Completed = 4,
    Cancelled = 5,
}
