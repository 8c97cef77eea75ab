using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Outreach;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Infrastructure;

/// <summary>The one e-mail plausibility check: delivery is what proves an address, so this only refuses obvious mistakes.</summary>
public static class EmailAddress
{
    public const int MaxLength = 320;

    public static bool IsPlausible(string email) =>
        email.Length <= MaxLength && email.Contains('@') && !email.StartsWith('@') && !email.EndsWith('@') && !email.Any(char.IsWhiteSpace);
}
