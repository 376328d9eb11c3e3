using Orleans.Runtime.Services;

namespace Realtime.Grains.Cluster;

/// <summary>Addresses the <see cref="IClusterRelay"/> of a given silo (Orleans routes grain services by ring position; a relay goes to every silo).</summary>
public sealed class ClusterRelayClient(IServiceProvider services) : GrainServiceClient<IClusterRelay>(services)
{
    /// <summary>The relay of <paramref name="silo"/>.</summary>
    public IClusterRelay On(SiloAddress silo) => GetGrainService(silo);
}
