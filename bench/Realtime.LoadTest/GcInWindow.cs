namespace Realtime.LoadTest;

/// <summary>The server's garbage collections from the window's start until the last breach arrived (from <c>/health/runtime</c>).</summary>
/// <param name="PauseMs">Time the runtime was paused for GC.</param>
/// <param name="Collections">Collections of generation 0, 1 and 2 (a gen 2 also counts as 1 and 0).</param>
/// <param name="ServerGc">Whether the server ran server GC (else workstation).</param>
/// <param name="ThreadPoolThreads">Thread-pool threads at the end.</param>
public sealed record GcInWindow(double PauseMs, int[] Collections, bool ServerGc, int ThreadPoolThreads);
