using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.StoredState;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Microsoft.Extensions.Configuration;

namespace Campaigns.Outreach;

/// <summary>A template rendered for one contact, as the contact would receive it.</summary>
public static class OutreachPreview
{
    /// <summary>The configuration key of the <c>{{ai.personalize}}</c> stub's fixed text (environment: <c>Outreach__AiPersonalizeText</c>).</summary>
    public const string AiPersonalizeTextKey = "Outreach:AiPersonalizeText";

    public static string AiPersonalizeText(IConfiguration configuration) => configuration[AiPersonalizeTextKey] ?? "";

    public static async Task<OutreachResult<TemplatePreview>> Render(
        OutreachAudienceRepository contacts, IConfiguration configuration, Guid organizationId, OutreachTemplate template, Guid contactId)
    {
        if (await contacts.Facts(organizationId, contactId) is not { } contact)
        {
            return OutreachResult<TemplatePreview>.Invalid("contact_id", "No such contact in the organization.");
        }

        return OutreachResult<TemplatePreview>.Ok(new TemplatePreview(
            template.Id,
            contactId,
            OutreachTemplateRenderer.Render(template.Content, contact, AiPersonalizeText(configuration)),
            OutreachTemplateRenderer.Placeholders(template.Content)));
    }
}
