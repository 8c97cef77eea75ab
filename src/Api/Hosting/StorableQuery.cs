using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Hosting;

/// <summary>
/// Query parameters go into searches and filters as they are; one whose decoded value <see cref="StorableText"/> refuses
/// is a 400 naming it before any endpoint runs.
/// </summary>
public static class StorableQuery
{
    public static IApplicationBuilder UseStorableQuery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Most requests carry no query string: they pay nothing, not even the parse.
        if (!context.Request.QueryString.HasValue)
        {
            await next(context);
            return;
        }

        foreach (var (name, values) in context.Request.Query)
        {
            if (!StorableText.IsStorable(name) || values.Any(v => v is not null && !StorableText.IsStorable(v)))
            {
                var field = StorableText.IsStorable(name) ? name : "query";
                await Problems.Write(context, StatusCodes.Status400BadRequest, "Bad Request", "A query parameter holds text that cannot be stored or searched.",
                    new Dictionary<string, string[]> { [field] = [StorableText.Refusal] });
                return;
            }
        }

        await next(context);
    });
}
