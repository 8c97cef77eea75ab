using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;

namespace Campaigns.Tenancy;

/// <summary>How a change to a user went.</summary>
public enum UserUpdate
{
    Updated,
    NotFound,

    /// <summary>Refused: no active admin would be left.</summary>
    LastAdmin,
}
