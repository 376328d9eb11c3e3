using Orleans.Services;

namespace Realtime.Grains.Cluster;

/// <summary>Each silo's receiver of what the other silos' grains publish (a <see cref="GrainService"/>, one per silo).</summary>
public interface IClusterRelay : IGrainService
{
    /// <summary>Applies <paramref name="changes"/> on this silo, in order.</summary>
    Task DeliverAsync(IReadOnlyList<RelayedChange> changes);
}
