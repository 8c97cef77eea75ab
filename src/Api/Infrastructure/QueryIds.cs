using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Outreach;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Infrastructure;

/// <summary>An id in a query string, naming the parameter when its value is not one.</summary>
public static class QueryIds
{
    public static Guid? Parse(string? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        errors.Add(field, $"{field} must be a UUID.");
        return null;
    }
}
