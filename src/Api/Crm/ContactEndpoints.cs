using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Api.Crm;

/// <summary>HTTP ↔ <see cref="ICrmGrain"/>: the organization's CRM contacts.</summary>
public static class ContactEndpoints
{
    private const string Resource = "contact";

    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder routes)
    {
        var contacts = routes.MapGroup("/api/contacts").WithTags("CRM");

        contacts.MapPost("/", Create).RequirePermission(Permission.ContactsWrite).Audited(Resource, "contact.create")
            .Accepts<ContactRequest>("application/json");
        contacts.MapGet("/", List).RequirePermission(Permission.ContactsRead);
        contacts.MapGet("/{id:guid}", Get).RequirePermission(Permission.ContactsRead);
        contacts.MapPatch("/{id:guid}", Update).RequirePermission(Permission.ContactsWrite).Audited(Resource, "contact.update")
            .Accepts<ContactRequest>("application/json", "application/merge-patch+json");
        contacts.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.ContactsWrite).Audited(Resource, "contact.delete");
        return routes;
    }

    private static async Task<IResult> Create(JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (ContactBody.ParseCreate(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.Crm().CreateContact(http.Caller().OrganizationId, id, draft);
        return result is { Outcome: CommandOutcome.Ok, Value: { } contact }
            ? TypedResults.Created($"/api/contacts/{id}", ContactResponse.From(contact))
            : CrmProblems.From(result);
    }

    private static async Task<IResult> List(
        string? q, [FromQuery(Name = "company_id")] string? companyId, [FromQuery(Name = "has_telegram")] string? hasTelegram,
        [FromQuery(Name = "pipeline_id")] string? pipelineId, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var query = new ContactQuery(
            CrmQuery.Text(q),
            QueryIds.Parse(companyId, "company_id", errors),
            CrmQuery.Flag(hasTelegram, "has_telegram", errors),
            QueryIds.Parse(pipelineId, "pipeline_id", errors),
            Paging.Limit(limit, errors),
            Paging.Cursor(cursor, errors));
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var page = await cluster.Crm().ListContacts(http.Caller().OrganizationId, query);
        return TypedResults.Ok(new PageResponse<ContactResponse>(page.Items.Select(ContactResponse.From).ToList(), Paging.Format(page.NextCursor)));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().GetContact(http.Caller().OrganizationId, id) is { } contact
            ? TypedResults.Ok(ContactResponse.From(contact))
            : Problems.NotFound("Contact not found.");

    private static async Task<IResult> Update(Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (ContactBody.Parse(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.Crm().UpdateContact(http.Caller().OrganizationId, id, changes);
        return result is { Outcome: CommandOutcome.Ok, Value: { } contact }
            ? TypedResults.Ok(ContactResponse.From(contact))
            : CrmProblems.From(result);
    }

    /// <summary>Removes the contact and its leads.</summary>
    private static async Task<IResult> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().DeleteContact(http.Caller().OrganizationId, id)
            ? TypedResults.NoContent()
            : Problems.NotFound("Contact not found.");
}
