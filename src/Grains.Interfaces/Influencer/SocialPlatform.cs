
namespace Campaigns.Influencer;

/// <summary>The platforms whose creators the influencer system can scrape through Apify.</summary>
/// <remarks>
/// Spelled <c>Tiktok</c> and <c>Youtube</c> on purpose: the API writes enums in snake_case, and these spellings come
/// out as the platform names callers already use (<c>tiktok</c>, <c>youtube</c>) instead of <c>tik_tok</c>.
/// </remarks>
[GenerateSerializer, Alias("campaigns.SocialPlatform")]
public enum SocialPlatform
{
    Instagram = 0,
    Tiktok = 1,
    Youtube = 2,
}
