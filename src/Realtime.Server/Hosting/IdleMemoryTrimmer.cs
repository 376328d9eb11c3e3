using Microsoft.Extensions.Options;

namespace Realtime.Server.Hosting;

/// <summary>
/// Gives the memory a burst left committed back to the operating system once the server has gone quiet. After a load
/// burst the collector keeps the heap it grew for it (hundreds of MB for 100k complaints opened in seconds) although the
/// live heap is a fraction of that, and an idle server runs too few collections to release it. When the server has
/// allocated almost nothing for <see cref="MemoryTrimOptions.IdleAfter"/> and more than
/// <see cref="MemoryTrimOptions.MinimumReclaimBytes"/> is committed beyond the live heap, one aggressive collection
/// (blocking, compacting, decommitting) returns it. It is never run under load: it pauses the process like any full
/// collection, for as long as copying the live heap takes (0.36 s for 72 MB live on a 2-core VM), and never while a
/// reminder (a deadline) is due before that pause would be over, with room to spare (see <see cref="IdleTrimPolicy"/>):
/// the pause must not make an alert late.
/// </summary>
public sealed partial class IdleMemoryTrimmer(IOptions<MemoryTrimOptions> options, Realtime.Grains.Deadlines.DeadlineScheduler deadlines, [FromKeyedServices(Realtime.Grains.FloorClock.Key)] TimeProvider time, ILogger<IdleMemoryTrimmer> log)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.TrimWhenIdle) return;
        var policy = new IdleTrimPolicy(settings, time.TimestampFrequency);
        using var timer = new PeriodicTimer(settings.CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var sample = Sample();
                if (!policy.ShouldTrim(sample, () => deadlines.Earliest() is { } due ? due - time.GetUtcNow() : null)) continue;
                var started = time.GetTimestamp();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var pause = time.GetElapsedTime(started);
                var after = Sample();
                policy.Trimmed(after, pause);
                LogTrimmed(sample.CommittedBytes >> 20, after.CommittedBytes >> 20, after.HeapBytes >> 20, pause.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private MemorySample Sample()
    {
        var memory = GC.GetGCMemoryInfo();
        return new MemorySample(time.GetTimestamp(), GC.GetTotalAllocatedBytes(), memory.TotalCommittedBytes, memory.HeapSizeBytes);
    }

    [LoggerMessage(LogLevel.Information, "Idle: gave back memory the last burst left committed ({Before} MB -> {After} MB committed, {Live} MB live) in {PauseMs:F0} ms")]
    private partial void LogTrimmed(long before, long after, long live, double pauseMs);
}
