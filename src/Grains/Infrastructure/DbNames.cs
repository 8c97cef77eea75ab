using System.Collections.Frozen;
using System.Text.Json;
using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Outreach;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;

namespace Campaigns.Infrastructure;

/// <summary>The spelling of enums in database columns: the same snake_case the API speaks (<c>BrandManager</c> → <c>brand_manager</c>).</summary>
public static class DbNames
{
    public static string Of<T>(T value) where T : struct, Enum => Spelling<T>.ByValue[value];

    public static T From<T>(string name) where T : struct, Enum =>
        Spelling<T>.ByName.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(name), name, $"Not a {typeof(T).Name}.");

    private static class Spelling<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> ByName =
            ByValue.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}
