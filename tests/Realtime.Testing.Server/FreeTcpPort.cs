using System.Net;
using System.Net.Sockets;

namespace Realtime.Testing.Server;

/// <summary>Loopback ports nothing listens on, for servers and silos a test starts side by side.</summary>
public static class FreeTcpPort
{
    /// <summary>A port the OS just handed out as free (another process may still take it first; tests accept that small race).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
