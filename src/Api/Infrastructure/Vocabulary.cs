using System.Collections.Frozen;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Outreach;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Infrastructure;

/// <summary>The closed lists callers may choose from, shared by validation and error messages.</summary>
public static class Vocabulary
{
    public static readonly FrozenSet<string> Platforms = new[]
    {
        "instagram", "tiktok", "youtube", "telegram", "facebook", "x", "twitter", "linkedin", "reddit", "twitch",
        "snapchat", "pinterest", "onlyfans", "threads", "vk", "email", "web",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Platforms a creator can have a profile on: the campaign platforms that are social networks.</summary>
    public static readonly FrozenSet<string> CreatorPlatforms =
        Platforms.Except(["email", "web"]).ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Goals = new[]
    {
        "reach", "engagement", "conversions", "revenue", "awareness", "traffic", "leads", "sales", "retention",
        "subscribers", "views", "app_installs",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Currencies = new[]
    {
        "USD", "EUR", "GBP", "RUB", "UAH", "KZT", "CHF", "CAD", "AUD", "JPY", "CNY", "INR", "BRL", "MXN", "PLN",
        "SEK", "NOK", "DKK", "CZK", "TRY", "AED", "SGD", "HKD", "NZD", "ZAR", "ILS", "KRW",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string List(IEnumerable<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal));
}
