using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;

namespace Campaigns.Influencer;

/// <summary>How a <see cref="ScrapedPost"/> comes back from a <c>posts</c> row, defined once.</summary>
internal static class PostRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order, for a query that aliases <c>posts</c> as <c>p</c>.</summary>
    public const string Columns =
        "p.platform, p.platform_post_id, p.url, p.author_username, p.title, p.caption, p.hashtags, p.mentions, p.links, " +
        "p.content_type, p.media_urls, p.likes, p.comments, p.shares, p.views, p.engagement_rate, p.reach, p.impressions, " +
        "p.published_at, p.followers_at_scrape, p.raw::text";

    public static ScrapedPost Read(NpgsqlDataReader row, int first) => new(
        DbNames.From<SocialPlatform>(row.GetString(first)),
        row.GetString(first + 1),
        Text(row, first + 2),
        Text(row, first + 3),
        Text(row, first + 4),
        Text(row, first + 5),
        row.GetFieldValue<string[]>(first + 6),
        row.GetFieldValue<string[]>(first + 7),
        row.GetFieldValue<string[]>(first + 8),
        Text(row, first + 9),
        row.GetFieldValue<string[]>(first + 10),
        Count(row, first + 11),
        Count(row, first + 12),
        Count(row, first + 13),
        Count(row, first + 14),
        row.IsDBNull(first + 15) ? null : row.GetDouble(first + 15),
        Count(row, first + 16),
        Count(row, first + 17),
        row.IsDBNull(first + 18) ? null : row.GetFieldValue<DateTimeOffset>(first + 18),
        Count(row, first + 19),
        row.GetString(first + 20));

    private static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static long? Count(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetInt64(ordinal);
}
