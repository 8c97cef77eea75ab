using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Templates;
using Campaigns.Tenancy;

namespace Campaigns.StoredState;

/// <summary>One grain whose stored state could not be read, as <c>grain_state_failures</c> keeps it (sql/0027).</summary>
/// <param name="StateName">The <c>[PersistentState]</c> name: <c>campaign</c>, <c>allocation</c>, <c>participant</c>, <c>abtest</c>.</param>
/// <param name="GrainId">The Orleans grain id, as the runtime prints it.</param>
/// <param name="GrainKey">The key as the API shows it.</param>
/// <param name="FirstSeen">The first failed read since the grain last loaded.</param>
/// <param name="Attempts">Failed reads since <paramref name="FirstSeen"/>.</param>
/// <param name="Error">The latest failure's exception type and message.</param>
/// <param name="Silo">The silo of the latest failure.</param>
public sealed record GrainStateFailure(
    string StateName, string GrainId, string GrainKey, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Attempts, string Error, string Silo);
