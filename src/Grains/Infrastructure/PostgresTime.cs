using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;

namespace Campaigns.Infrastructure;

/// <summary>Instants at PostgreSQL's microsecond precision, so what a grain returns equals what the database reads back.</summary>
public static class PostgresTime
{
    public static DateTimeOffset UtcNowMicroseconds(this TimeProvider clock) => Truncate(clock.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero);
}
