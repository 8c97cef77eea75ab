using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Api.AbTesting;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Hosting.OpenApi;
using Campaigns.Api.Influencer;
using Campaigns.Api.Outreach;
using Campaigns.Api.Security;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Silo;
using Campaigns.Silo.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Dashboard;
using Scalar.AspNetCore;

namespace Campaigns.Api.Hosting;

/// <summary>
/// Builds the API host. <c>Orleans:Mode</c> = <c>cohosted</c> (default) runs a silo in this process
/// and brings up its own PostgreSQL when none is configured; <c>client</c> joins a separate silo
/// cluster through the membership table as a pure Orleans client.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    private ApiHost(WebApplication app, CampaignsDatabase? database)
    {
        App = app;
        Database = database;
    }

    public WebApplication App { get; }

    public CampaignsDatabase? Database { get; }

    public static async Task<ApiHost> Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        builder.WebHost.UseDefaultListenAddress(builder.Configuration, ListenAddress.ApiDefault);
        using var startupLogging = LoggerFactory.Create(l => l.AddConsole());
        var logger = startupLogging.CreateLogger("Campaigns.Api");

        CampaignsDatabase? database = null;
        if (IsClientMode(builder.Configuration))
        {
            var connectionString = builder.Configuration.GetConnectionString(CampaignsDatabase.ConnectionStringName)
                ?? throw new InvalidOperationException("Orleans:Mode=client needs ConnectionStrings__Campaigns: the database the silos use.");
            builder.UseOrleansClient(client => JoinAsClient(client, connectionString, builder.Configuration));
            builder.Services.AddHealthChecks().AddCampaignsReadiness(connectionString);
        }
        else
        {
            database = await CampaignsDatabase.Prepare(builder.Configuration, logger);
            builder.UseOrleans(silo => silo.UseCampaignsCluster(database.ConnectionString, builder.Configuration));
            builder.Services.AddHealthChecks().AddCampaignsReadiness(database.ConnectionString);
        }

        AddApiServices(builder);
        var app = builder.Build();
        UseApiPipeline(app);
        return new ApiHost(app, database);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    private static bool IsClientMode(IConfiguration configuration) =>
        string.Equals(configuration["Orleans:Mode"], "client", StringComparison.OrdinalIgnoreCase);

    private static void JoinAsClient(IClientBuilder client, string connectionString, IConfiguration configuration)
    {
        var options = configuration.GetSection(CampaignsClusterOptions.Section).Get<CampaignsClusterOptions>() ?? new CampaignsClusterOptions();
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = SiloConfiguration.Invariant;
            o.ConnectionString = connectionString;
        });
        client.AddDashboard();
    }

    private static void AddApiServices(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // The web defaults read numbers from strings ("budget": "100"); a wrong type is a 400, as PATCH already says.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new StorableStringConverter());
            o.SerializerOptions.Converters.Add(new StorableJsonElementConverter());
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RequestErrors>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        // An endpoint mapped without a permission still needs a valid key rather than being open to anyone.
        builder.Services.AddAuthorizationBuilder().AddPermissionPolicies()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().Build());
        builder.Services.AddCampaignsOpenApi();
    }

    private static void UseApiPipeline(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStorableQuery();
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();

        // Everything below not marked otherwise needs a key (the fallback policy); these are public on purpose. The
        // dashboard stays as open as it was until operator sign-in exists (issue 15, finding 1).
        app.MapCampaignsHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs").AllowAnonymous();
        app.MapOrleansDashboard(routePrefix: "/dashboard").AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/docs")).ExcludeFromDescription().AllowAnonymous();

        app.MapCampaignEndpoints();
        app.MapOutreachTemplateEndpoints();
        app.MapOutreachPresetEndpoints();
        app.MapOutreachStepEndpoints();
        app.MapOutreachAudienceEndpoints();
        app.MapSpendEndpoints();
        app.MapDuplicateEndpoints();
        app.MapTemplateEndpoints();
        app.MapInfluencerEndpoints();
        app.MapAbTestEndpoints();
        app.MapPostEndpoints();
        app.MapCreatorEndpoints();
        app.MapContactEndpoints();
        app.MapCompanyEndpoints();
        app.MapPipelineEndpoints();
        app.MapLeadEndpoints();
        app.MapApifyEndpoints();
        app.MapUserEndpoints();
        app.MapApiKeyEndpoints();
        app.MapAuditEndpoints();
        app.MapSendingAccountEndpoints();
        app.MapGroupSourceEndpoints();
        app.MapParticipantEndpoints();
        app.MapTelegramWebhookEndpoints();
    }
}
