
namespace Campaigns.Influencer;

/// <summary>
/// An organization's Apify limits and what it has used of them in the current UTC day and month.
/// A null limit means none; <see cref="Refusal"/> says why a call would be refused now, or is null.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigns.ApifyLimits")]
public sealed record ApifyLimits(
    [property: Id(0)] int? CallsPerDay,
    [property: Id(1)] decimal? UsdPerMonth,
    [property: Id(2)] int CallsToday,
    [property: Id(3)] decimal UsdThisMonth,
    [property: Id(4)] DateOnly Day,
    [property: Id(5)] string Month,
    [property: Id(6)] string? Refusal,
    [property: Id(7)] int HeldJobs);

/// <summary>New limits replacing the old ones; null removes a limit.</summary>
[GenerateSerializer, Immutable, Alias("campaigns.ApifyLimitsChange")]
public sealed record ApifyLimitsChange(
    [property: Id(0)] int? CallsPerDay,
    [property: Id(1)] decimal? UsdPerMonth);
