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

namespace Campaigns.Api.Crm;

/// <summary>HTTP ↔ <see cref="ICrmGrain"/>: the organization's CRM companies.</summary>
public static class CompanyEndpoints
{
    private const string Resource = "company";
    private const int DomainMaxLength = 253;

    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder routes)
    {
        var companies = routes.MapGroup("/api/companies").WithTags("CRM");

        companies.MapPost("/", Create).RequirePermission(Permission.ContactsWrite).Audited(Resource, "company.create");
        companies.MapGet("/", List).RequirePermission(Permission.ContactsRead);
        companies.MapGet("/{id:guid}", Get).RequirePermission(Permission.ContactsRead);
        companies.MapPatch("/{id:guid}", Update).RequirePermission(Permission.ContactsWrite).Audited(Resource, "company.update")
            .Accepts<CompanyRequest>("application/json", "application/merge-patch+json");
        companies.MapDelete("/{id:guid}", Delete).RequirePermission(Permission.ContactsWrite).Audited(Resource, "company.delete");
        return routes;
    }

    private static async Task<IResult> Create(CompanyRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var name = CrmFields.RequiredName(request.Name, errors, "name");
        var domain = CrmFields.OptionalName(request.Domain, errors, "domain", DomainMaxLength);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var id = TimeOrderedId.New();
        http.AuditResource(id);
        var result = await cluster.Crm().CreateCompany(http.Caller().OrganizationId, id, new CompanyDraft(name!, domain?.ToLowerInvariant()));
        return TypedResults.Created($"/api/companies/{id}", result.Value);
    }

    private static async Task<IResult> List(string? q, string? limit, string? cursor, HttpContext http, IClusterClient cluster)
    {
        if (Paging.Parse(limit, cursor, out var pageSize, out var after) is { } invalid)
        {
            return invalid;
        }

        var page = await cluster.Crm().ListCompanies(http.Caller().OrganizationId, CrmQuery.Text(q), pageSize, after);
        return TypedResults.Ok(new PageResponse<CompanyView>(page.Items, Paging.Format(page.NextCursor)));
    }

    private static async Task<IResult> Get(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().GetCompany(http.Caller().OrganizationId, id) is { } company
            ? TypedResults.Ok(company)
            : Problems.NotFound("Company not found.");

    /// <summary>JSON merge patch of name and domain.</summary>
    private static async Task<IResult> Update(Guid id, JsonElement body, HttpContext http, IClusterClient cluster)
    {
        var errors = new FieldErrors();
        var changes = new CompanyChanges(null, false, null);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
        }
        else
        {
            foreach (var member in body.EnumerateObject())
            {
                var isNull = member.Value.ValueKind == JsonValueKind.Null;
                switch (member.Name)
                {
                    case "name":
                        changes = changes with { Name = CrmFields.RequiredName(isNull ? null : JsonMembers.Text(member, errors), errors, "name") };
                        break;
                    case "domain":
                        var domain = isNull ? null : CrmFields.OptionalName(JsonMembers.Text(member, errors), errors, "domain", DomainMaxLength);
                        changes = changes with { SetDomain = true, Domain = domain?.ToLowerInvariant() };
                        break;
                    case "id" or "created_at" or "updated_at":
                        errors.Add(member.Name, $"'{member.Name}' cannot be changed.");
                        break;
                    default:
                        errors.Add(member.Name, $"Unknown field '{member.Name}'.");
                        break;
                }
            }
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var result = await cluster.Crm().UpdateCompany(http.Caller().OrganizationId, id, changes);
        return result is { Outcome: CommandOutcome.Ok, Value: { } company } ? TypedResults.Ok(company) : CrmProblems.From(result);
    }

    /// <summary>Its contacts stay, without a company.</summary>
    private static async Task<IResult> Delete(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.Crm().DeleteCompany(http.Caller().OrganizationId, id)
            ? TypedResults.NoContent()
            : Problems.NotFound("Company not found.");
}

/// <summary>Body of <c>POST /api/companies</c> (and, every member optional, its merge patch).</summary>
public sealed record CompanyRequest(string? Name, string? Domain);
