using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;

namespace Campaigns.Infrastructure;

/// <summary>
/// The keyset pagination rule every list follows: ask for one row more than the page, and if it came,
/// drop it and continue after the last row kept.
/// </summary>
public static class Keyset
{
    public static int RowsToFetch(int limit) => limit + 1;

    public static (IReadOnlyList<T> Items, Guid? Next) Page<T>(List<T> rows, int limit, Func<T, Guid> id)
    {
        if (rows.Count <= limit)
        {
            return (rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return (rows, id(rows[^1]));
    }
}
