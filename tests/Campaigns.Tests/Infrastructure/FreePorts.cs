using System.Net;
using System.Net.Sockets;

namespace Campaigns.Tests.Infrastructure;

/// <summary>Free loopback ports for hosts started by tests.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
