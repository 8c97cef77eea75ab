using Campaigns.Api.Bootstrap;
using Campaigns.Api.Hosting;

// The API host: HTTP in front of the Orleans cluster (co-hosting a silo by default).
if (args is ["bootstrap", ..])
{
    return await BootstrapCommand.Run(args[1..]);
}

await using var host = await ApiHost.Create(args);
await host.App.RunAsync();
return 0;
