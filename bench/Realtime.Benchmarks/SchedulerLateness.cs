using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Realtime.Grains.Deadlines;

namespace Realtime.Benchmarks;

/// <summary>
/// How late the shared scheduler fires on the real clock: a million entries due over 20 s (the set-up of the
/// "PriorityQueue + one Task.Delay loop" ceiling in limits.md), lateness = clock reading in OnDue minus the due instant.
/// </summary>
internal static class SchedulerLateness
{
    private const int Count = 1_000_000;
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(20);

    public static async Task RunAsync()
    {
        var time = TimeProvider.System;
        var target = new LatenessTarget(time, Count);
        using var scheduler = new TimerScheduler(time, NullLogger<TimerScheduler>.Instance);
        var start = time.GetUtcNow().AddSeconds(2);
        var random = new Random(42);
        var scheduling = Stopwatch.StartNew();
        for (var i = 0; i < Count; i++) scheduler.Schedule(start + Spread * random.NextDouble(), target);
        Console.WriteLine($"Scheduled {Count:N0} entries in {scheduling.ElapsedMilliseconds} ms");
        // In a long-running server pending entries are old objects; promote them now rather than time the first GCs copying 40 MB.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await target.AllFired.WaitAsync(Spread + TimeSpan.FromSeconds(30));

        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var lateness = target.LatenessTicks.Order().ToArray();
        double Ms(double q) => lateness[(int)Math.Min(lateness.Length - 1, q * lateness.Length)] / (double)TimeSpan.TicksPerMillisecond;
        Console.WriteLine($"Lateness over {Count:N0} fires: p50 {Ms(0.5):N2} ms, p90 {Ms(0.9):N2} ms, p99 {Ms(0.99):N2} ms, p99.9 {Ms(0.999):N2} ms, max {Ms(1):N2} ms, " +
            $"early fires {lateness.Count(l => l < 0)}; GCs gen0/1/2 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, pause {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms; CPU {cpu.TotalSeconds:N1} s over the {Spread.TotalSeconds:N0} s");
    }

    private sealed class LatenessTarget(TimeProvider time, int expected) : ITimerTarget
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _fired;

        public long[] LatenessTicks { get; } = new long[expected];

        public Task AllFired => _all.Task;

        public void OnDue(ScheduledTimer timer)
        {
            var index = Interlocked.Increment(ref _fired) - 1;
            LatenessTicks[index] = time.GetUtcNow().UtcTicks - timer.DueUtcTicks;
            if (index == expected - 1) _all.TrySetResult();
        }
    }
}
