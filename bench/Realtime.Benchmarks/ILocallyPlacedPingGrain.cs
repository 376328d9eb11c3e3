namespace Realtime.Benchmarks;

/// <summary>A <see cref="IPingGrain"/> placed on the silo that first calls it, to price placement in a new grain's first call.</summary>
public interface ILocallyPlacedPingGrain : IGrainWithStringKey
{
    Task Ping();
}
