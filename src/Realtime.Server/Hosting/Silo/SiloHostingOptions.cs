namespace Realtime.Server.Hosting.Silo;

/// <summary>
/// The Orleans silo inside the server, under Orleans' own configuration names (<c>Orleans:*</c>). Defaults are here in
/// code, so a configured value replaces them; Orleans reads the same keys for its <c>ClusterOptions</c> and <c>EndpointOptions</c>.
/// </summary>
public sealed class SiloHostingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Orleans";

    /// <summary>Default cluster and service id.</summary>
    public const string DefaultId = "realtime";

    /// <summary>Orleans' default silo-to-silo port.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>Orleans' default client gateway port.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Servers with the same cluster id and database form one cluster.</summary>
    public string ClusterId { get; set; } = DefaultId;

    /// <summary>Keys every stored grain state and reminder: it must never change for a deployment, or stored state is orphaned.</summary>
    public string ServiceId { get; set; } = DefaultId;

    /// <summary>The silo's ports and advertised address.</summary>
    public SiloEndpoints Endpoints { get; set; } = new();

    /// <summary>Failure detection: how fast a dead or hung silo is declared dead.</summary>
    public SiloMembership Membership { get; set; } = new();
}
