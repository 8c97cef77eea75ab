
namespace Campaigns.Silo;

/// <summary>The <c>Orleans</c> configuration section: how this process joins the cluster.</summary>
public sealed class CampaignsClusterOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "campaigns";

    public string ServiceId { get; set; } = "campaigns";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string AdvertisedIP { get; set; } = "127.0.0.1";

    /// <summary>Lowered in tests so reminder-driven behaviour can be observed in seconds.</summary>
    public TimeSpan? MinimumReminderPeriod { get; set; }
}
