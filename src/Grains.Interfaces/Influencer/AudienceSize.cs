
namespace Campaigns.Influencer;

/// <summary>The seed's audience-size bands (<c>micro</c>, <c>mid-tier</c>, <c>macro</c>, <c>mega</c>) on <c>followers_actual</c>.</summary>
[GenerateSerializer, Alias("campaigns.AudienceSize")]
public enum AudienceSize
{
    Micro = 0,
    MidTier = 1,
    Macro = 2,
    Mega = 3,
}

/// <summary>Follower bounds of each <see cref="AudienceSize"/>.</summary>
/// <remarks>
/// The seed's bounds (1 000 / 10 000 / 100 000 / 1 000 000) with each band's lower bound inclusive and its upper
/// bound exclusive. The seed writes BETWEEN, which puts exactly 10 000 followers in both micro and mid-tier; half-open
/// bands put every count in at most one band. Below 1 000 followers a profile is in no band.
/// </remarks>
public static class AudienceSizes
{
    public static (long Min, long? MaxExclusive) Bounds(AudienceSize size) => size switch
    {
        AudienceSize.Micro => (1_000, 10_000),
        AudienceSize.MidTier => (10_000, 100_000),
        AudienceSize.Macro => (100_000, 1_000_000),
        AudienceSize.Mega => (1_000_000, null),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    /// <summary>The API and seed spelling.</summary>
    public static string Name(AudienceSize size) => size switch
    {
        AudienceSize.Micro => "micro",
        AudienceSize.MidTier => "mid-tier",
        AudienceSize.Macro => "macro",
        AudienceSize.Mega => "mega",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    public static AudienceSize? Parse(string? value) =>
        Enum.GetValues<AudienceSize>().Cast<AudienceSize?>().FirstOrDefault(s => string.Equals(Name(s!.Value), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
