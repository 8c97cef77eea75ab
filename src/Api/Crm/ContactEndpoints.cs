using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Api.Crm;

/// <summary>HTTP ↔ <see cref="ICrmGrain"/>: the organization's CRM contacts.</summary>
public static class ContactEndpoints
{
    private const string Resource = "contact";

    private const string Example = """
        { "first_name": "Ivan", "last_name": "Petrov", "email": "ivan@example.com", "telegram_username": "ivan_petrov",
          "attributes": { "city": "Berlin", "vip": true } }
        """;

    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder routes)
    {
        var contacts = routes.MapGroup("/api/contacts").WithTags("CRM");

        contacts.MapPost("/", Create).RequirePermission(Permission.ContactsWrite).Audited(Resource, "contact.create")
            .Accepts<ContactRequest>("application/json").WithRequestExample(Example)
            .WithSummary("Create a contact")
            .WithDescription("Needs at least one of first_name, last_name, email, phone, telegram_id or telegram_username. "
                + "409 when another contact of the organization has the e-mail or telegram_id.")
            .ProducesProblems(StatusCodes.Status409Conflict);
        contacts.MapGet("/", List).RequirePermission(Permission.ContactsRead)
            .WithSummary("List contacts")
            .WithDescription("Newest first, keyset-paged; q searches names, e-mail, phone and Telegram username.");
        contacts.MapGet("/{id:guid}", Get).RequirePermission(Permission.ContactsRead)
            .WithSummary("Get a contact")
            .ProducesProblems(StatusCodes.Status404NotFound);
        contacts.MapPatch("/{id:guid}", Update).RequirePermission(Permission.ContactsWrite).Audited(Resource, "contact.update")
            .Accepts<ContactRequest>("application/json", "application/merge-patch+json")
            .WithRequestExample("""{ "email": null, "attributes": { "vip": null, "tier": "gold" } }""")
            .WithSummary("Change a contact (JSON merge patch)")
            .WithDescription("Members sent are changed, null clears; attributes merge, a null attribute is removed.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        contacts.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.ContactsWrite).Audited(Resource, "contact.delete")
            .WithSummary("Delete a contact and its leads")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<ContactResponse>, ProblemHttpResult, ValidationProblem>> Create(
        JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (ContactBody.ParseCreate(body, errors) is not { } draft)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.Crm().CreateContact(http.Caller().OrganizationId, id, draft);
        return result.ToCreated(ContactResponse.From, _ => $"/api/contacts/{id}");
    }

    private static async Task<Results<Ok<PageResponse<ContactResponse>>, ValidationProblem>> List(
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
        return TypedResults.Ok(new Page<ContactResponse>(page.Items.Select(ContactResponse.From).ToList(), page.NextCursor).ToResponse());
    }

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().GetContact(http.Caller().OrganizationId, id) is { } contact
            ? TypedResults.Ok(ContactResponse.From(contact))
            : Problems.NotFound(NotFound);

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (ContactBody.Parse(body, errors, partial: true) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.Crm().UpdateContact(http.Caller().OrganizationId, id, changes);
        return result.ToOk(ContactResponse.From);
    }

    /// <summary>Removes the contact and its leads.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().DeleteContact(http.Caller().OrganizationId, id)
            ? TypedResults.NoContent()
            : Problems.NotFound(NotFound);

    private const string NotFound = "Contact not found.";
}
