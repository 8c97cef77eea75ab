using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Security;
using Campaigns.Api.Tenancy;
using Campaigns.Crm;
using Campaigns.Infrastructure;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Campaigns.Api.Crm;

/// <summary>HTTP ↔ <see cref="ICrmGrain"/>: the organization's CRM companies.</summary>
public static class CompanyEndpoints
{
    private const string Resource = "company";

    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder routes)
    {
        var companies = routes.MapGroup("/api/companies").WithTags("CRM");

        companies.MapPost("/", Create).RequirePermission(Permission.ContactsWrite).Audited(Resource, "company.create")
            .WithRequestExample("""{ "name": "Acme GmbH", "domain": "acme.example" }""")
            .WithSummary("Create a company");
        companies.MapGet("/", List).RequirePermission(Permission.ContactsRead)
            .WithSummary("List companies")
            .WithDescription("Newest first, keyset-paged; q searches name and domain.");
        companies.MapGet("/{id:guid}", Get).RequirePermission(Permission.ContactsRead)
            .WithSummary("Get a company")
            .ProducesProblems(StatusCodes.Status404NotFound);
        companies.MapPatch("/{id:guid}", Update).RequirePermission(Permission.ContactsWrite).Audited(Resource, "company.update")
            .Accepts<CompanyRequest>("application/json", "application/merge-patch+json")
            .WithRequestExample("""{ "domain": null }""")
            .WithSummary("Change a company (JSON merge patch)")
            .WithDescription("name and domain; null clears the domain.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        companies.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.ContactsWrite).Audited(Resource, "company.delete")
            .WithSummary("Delete a company")
            .WithDescription("Its contacts stay, without a company.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<CompanyView>, ProblemHttpResult, ValidationProblem>> Create(
        CompanyRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (request.Validate(errors) is not { Name: { } name } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.Crm().CreateCompany(http.Caller().OrganizationId, id, new CompanyDraft(name, changes.Domain));
        return result.ToCreated(_ => $"/api/companies/{id}");
    }

    private static async Task<Results<Ok<PageResponse<CompanyView>>, ValidationProblem>> List(
        string? q, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } invalid)
        {
            return invalid;
        }

        var page = await cluster.Crm().ListCompanies(http.Caller().OrganizationId, CrmQuery.Text(q), pageSize, after);
        return TypedResults.Ok(page.ToResponse());
    }

    private static async Task<Results<Ok<CompanyView>, ProblemHttpResult>> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().GetCompany(http.Caller().OrganizationId, id) is { } company
            ? TypedResults.Ok(company)
            : Problems.NotFound(NotFound);

    /// <summary>JSON merge patch of name and domain.</summary>
    private static async Task<Results<Ok<CompanyView>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        if (CompanyRequest.ParsePatch(body, errors) is not { } changes)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.Crm().UpdateCompany(http.Caller().OrganizationId, id, changes);
        return result.ToOk();
    }

    /// <summary>Its contacts stay, without a company.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().DeleteCompany(http.Caller().OrganizationId, id)
            ? TypedResults.NoContent()
            : Problems.NotFound(NotFound);

    private const string NotFound = "Company not found.";
}

/// <summary>
/// Body of <c>POST /api/companies</c> and of its merge patch, with the one validator of both: on create every member
/// is checked (name required); in the partial mode only the members sent, where a null domain clears it.
/// </summary>
public sealed record CompanyRequest(string? Name, string? Domain)
{
    public const int DomainMaxLength = 253;

    private static readonly HashSet<string> ReadOnly = ["id", "created_at", "updated_at"];

    /// <param name="sent">The members a merge patch sent (partial mode); null for a create, where all are checked.</param>
    public CompanyChanges? Validate(FieldErrors errors, IReadOnlySet<string>? sent = null)
    {
        bool Sent(string member) => sent is null || sent.Contains(member);
        var name = Sent("name") ? CrmFields.RequiredName(Name, errors, "name") : null;
        var domain = Sent("domain") ? CrmFields.OptionalName(Domain, errors, "domain", DomainMaxLength)?.ToLowerInvariant() : null;
        return errors.Any ? null : new CompanyChanges(name, Sent("domain"), domain);
    }

    /// <summary>Reads a merge-patch document into the request and the members it sent, then validates it partially.</summary>
    public static CompanyChanges? ParsePatch(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
            return null;
        }

        var request = new CompanyRequest(null, null);
        var sent = new HashSet<string>();
        foreach (var member in body.EnumerateObject())
        {
            var isNull = member.Value.ValueKind == JsonValueKind.Null;
            switch (member.Name)
            {
                case "name":
                    request = request with { Name = isNull ? null : JsonMembers.Text(member, errors) };
                    sent.Add(member.Name);
                    break;
                case "domain":
                    request = request with { Domain = isNull ? null : JsonMembers.Text(member, errors) };
                    sent.Add(member.Name);
                    break;
                case var readOnly when ReadOnly.Contains(readOnly):
                    errors.Add(member.Name, $"'{member.Name}' cannot be changed.");
                    break;
                default:
                    errors.Add(member.Name, $"Unknown field '{member.Name}'.");
                    break;
            }
        }

        return request.Validate(errors, sent);
    }
}
