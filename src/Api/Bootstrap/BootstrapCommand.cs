using Campaigns.Audit;
using Campaigns.Campaigns;
using Campaigns.Crm;
using Campaigns.Influencer;
using Campaigns.Infrastructure;
using Campaigns.Outreach;
using Campaigns.Silo.Hosting;
using Campaigns.Templates;
using Campaigns.Tenancy;
using Npgsql;

namespace Campaigns.Api.Bootstrap;

/// <summary>
/// <c>bootstrap --org "&lt;name&gt;" --email &lt;email&gt;</c>: creates an organization and its first admin
/// key, printing the key once. For an existing organization it issues a new admin key (the way back
/// in after losing every admin key).
/// </summary>
public static class BootstrapCommand
{
    public static async Task<int> Run(string[] args)
    {
        var organization = Option(args, "--org");
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(organization) || string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            await Console.Error.WriteLineAsync("usage: bootstrap --org \"<organization name>\" --email <admin e-mail>");
            return 2;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        using var logging = LoggerFactory.Create(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning));
        await using var database = await CampaignsDatabase.Prepare(configuration, logging.CreateLogger("Campaigns.Bootstrap"));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        var (organizationId, created, key) = await new TenancyRepository(dataSource, TimeProvider.System).Bootstrap(organization.Trim(), email.Trim());
        Console.WriteLine(created ? $"Created organization '{organization.Trim()}' ({organizationId})." : $"Organization '{organization.Trim()}' ({organizationId}) exists: issued a new admin key.");
        Console.WriteLine($"Admin: {email.Trim()}");
        Console.WriteLine($"API key (shown once, store it now): {key.Secret}");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
