using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Crm;

/// <summary>Query-string filters shared by CRM lists, naming the parameter when its value is wrong.</summary>
public static class CrmQuery
{
    public static bool? Flag(string? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors.Add(field, $"{field} must be true or false.");
        return null;
    }

    /// <summary>Search text: trimmed, a leading '@' dropped (Telegram handles are stored without it); blank means none.</summary>
    public static string? Text(string? q) => string.IsNullOrWhiteSpace(q) ? null : q.Trim().TrimStart('@');
}
