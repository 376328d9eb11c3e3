namespace Realtime.Benchmarks;

/// <summary>A grain that does nothing but take turns: what is measured is the silo (reference, message, scheduling, completion).</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task Ping();

    Task<int> Count();
}
