namespace Realtime.Server.Hosting.Silo;

/// <summary>Where the silo listens (<c>Orleans:Endpoints:*</c>).</summary>
public sealed class SiloEndpoints
{
    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = SiloHostingOptions.DefaultSiloPort;

    /// <summary>Port for Orleans clients; 0 runs no gateway.</summary>
    public int GatewayPort { get; set; } = SiloHostingOptions.DefaultGatewayPort;

    /// <summary>The address other silos reach this one at; empty: loopback in the embedded default, the machine's address on a cluster.</summary>
    public string? AdvertisedIPAddress { get; set; }
}
