namespace Realtime.Server.Hosting;

/// <summary>What the collector reported at one instant.</summary>
/// <param name="Timestamp">When (<see cref="TimeProvider.GetTimestamp"/>).</param>
/// <param name="AllocatedBytes">Bytes allocated since the process started (<see cref="GC.GetTotalAllocatedBytes"/>).</param>
/// <param name="CommittedBytes">Memory the collector holds from the operating system.</param>
/// <param name="HeapBytes">The heap after the last collection (live objects and fragmentation).</param>
public readonly record struct MemorySample(long Timestamp, long AllocatedBytes, long CommittedBytes, long HeapBytes);
