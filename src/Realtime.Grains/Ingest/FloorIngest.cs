namespace Realtime.Grains.Ingest;

/// <summary>Where any server hands the floor's events: the one <see cref="IIngestGrain"/> of the cluster.</summary>
public static class FloorIngest
{
    /// <summary>The floor's ingest writer.</summary>
    public static IIngestGrain FloorIngestWriter(this IGrainFactory grains) => grains.GetGrain<IIngestGrain>(IngestGrain.Key);
}
