using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Realtime.Grains;
using Realtime.Grains.Deadlines;

namespace Realtime.Benchmarks;

/// <summary>
/// Memory held per pending timer, measured directly (BenchmarkDotNet reports allocations, not what stays alive):
/// managed heap after a full collection, before and after a million entries are pending.
/// </summary>
internal static class PendingTimerFootprint
{
    private const int Count = 1_000_000;

    public static async Task RunAsync()
    {
        var start = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
        var random = new Random(42);
        var dueTimes = Enumerable.Range(0, Count).Select(_ => start.AddSeconds(60 + random.NextDouble() * 86_400)).ToArray();

        // Raw scheduler entries: what a grain timer or the deadline index costs in the shared heap.
        {
            var time = new ManualTimeProvider { Now = start };
            using var scheduler = new TimerScheduler(time, NullLogger<TimerScheduler>.Instance);
            var target = new NoTarget();
            var before = Measure();
            foreach (var due in dueTimes) scheduler.Schedule(due, target);
            var after = Measure();
            Report("TimerScheduler entry", before, after, scheduler.Count);
            GC.KeepAlive(scheduler);
        }

        // Deadlines: entry + the per-grain registry. The grain ids (keys) are the application's data and exist before.
        {
            var time = new ManualTimeProvider { Now = start };
            using var scheduler = new TimerScheduler(time, NullLogger<TimerScheduler>.Instance);
            // Nothing comes due in this measurement, so no grain is ever called: no silo is needed.
            var deadlines = new DeadlineScheduler(scheduler, null!, null!, Options.Create(new DeadlineOptions()), NullLogger<DeadlineScheduler>.Instance);
            var ids = Enumerable.Range(0, Count).Select(i => new GrainKey("complaint", $"C-{i:D7}")).ToArray();
            var before = Measure();
            for (var i = 0; i < Count; i++) deadlines.Set(ids[i], dueTimes[i]);
            var after = Measure();
            Report("Deadline (DeadlineScheduler.Set)", before, after, deadlines.Count);
            GC.KeepAlive(ids);
        }
    }

    private static long Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Report(string what, long before, long after, int count) =>
        Console.WriteLine($"{what}: {count:N0} pending, {(after - before) / 1024.0 / 1024.0:N1} MiB, {(after - before) / (double)count:N1} bytes per pending timer");

    private sealed class NoTarget : ITimerTarget
    {
        public void OnDue(ScheduledTimer timer)
        {
        }
    }
}
