using Campaigns.Silo;
using Campaigns.Silo.Hosting;
using Orleans.Dashboard;

// A silo process: joins the cluster recorded in PostgreSQL and serves the dashboard and health probes.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseDefaultListenAddress(builder.Configuration, ListenAddress.SiloDefault);
using var startupLogging = LoggerFactory.Create(l => l.AddConsole());
await using var database = await CampaignsDatabase.Prepare(builder.Configuration, startupLogging.CreateLogger("Campaigns.Silo"));

builder.UseOrleans(silo => silo.UseCampaignsCluster(database.ConnectionString, builder.Configuration));
builder.Services.AddHealthChecks().AddCampaignsReadiness(database.ConnectionString);

var app = builder.Build();
app.MapCampaignsHealth();
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.MapGet("/", () => Results.Redirect("/dashboard/")).ExcludeFromDescription();
await app.StartAsync();
foreach (var url in app.Urls)
{
    Console.WriteLine($"Campaigns silo is up: dashboard {url}/dashboard/  health {url}/health/ready");
}

await app.WaitForShutdownAsync();
