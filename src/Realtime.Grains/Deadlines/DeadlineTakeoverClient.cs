using Orleans.Runtime.Services;

namespace Realtime.Grains.Deadlines;

/// <summary>Addresses the <see cref="IDeadlineTakeover"/> of a given silo.</summary>
public sealed class DeadlineTakeoverClient(IServiceProvider services) : GrainServiceClient<IDeadlineTakeover>(services)
{
    /// <summary>The deadline takeover of <paramref name="silo"/>.</summary>
    public IDeadlineTakeover On(SiloAddress silo) => GetGrainService(silo);
}
