using Campaigns.Api.Bootstrap;
using Campaigns.Api.Hosting;
using Campaigns.Api.Operations;

// The API host: HTTP in front of the Orleans cluster (co-hosting a silo by default).
if (args is ["bootstrap", ..])
{
    return await BootstrapCommand.Run(args[1..]);
}

if (args is ["unreadable-state", ..])
{
    return await UnreadableStateCommand.Run(args[1..], Console.Out);
}

await using var host = await ApiHost.Create(args);
await host.App.StartAsync();
foreach (var url in host.App.Urls)
{
    Console.WriteLine($"""
        Campaigns is up:
          API             {url}/api/campaigns
          API reference   {url}/docs
          OpenAPI         {url}/openapi/v1.json
          Dashboard       {url}/dashboard/
          Health          {url}/health/ready
        First time? Create an organization and its admin key:
          dotnet run --project src/Api -- bootstrap --org "<name>" --email <email>
        """);
}

await host.App.WaitForShutdownAsync();
return 0;
