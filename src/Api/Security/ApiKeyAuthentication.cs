using System.Security.Claims;
using System.Text.Encodings.Web;
using Campaigns.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Campaigns.Api.Security;

/// <summary>Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> and answers 401/403 as problem+json.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header[BearerPrefix.Length..].Trim();
        if (secret.Length is 0 or > 200 || await keys.Resolve(secret) is not { } principal)
        {
            return AuthenticateResult.Fail("Invalid or revoked API key.");
        }

        Context.Features.Set(principal);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, principal.UserId.ToString()), new Claim(ClaimTypes.Role, principal.Role.ToString())],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "Send a valid API key as 'Authorization: Bearer <key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden",
            "Your role does not allow this operation.");
}

/// <summary>Reads the caller resolved by <see cref="ApiKeyAuthentication"/>.</summary>
public static class CallerExtensions
{
    public static Principal Caller(this HttpContext context) =>
        context.Features.Get<Principal>() ?? throw new InvalidOperationException("Endpoint reached without an authenticated caller.");
}
