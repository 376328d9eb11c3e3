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

/// <summary>What the collector reported at one instant.</summary>
/// <param name="Timestamp">When (<see cref="TimeProvider.GetTimestamp"/>).</param>
/// <param name="AllocatedBytes">Bytes allocated since the process started (<see cref="GC.GetTotalAllocatedBytes"/>).</param>
/// <param name="CommittedBytes">Memory the collector holds from the operating system.</param>
/// <param name="HeapBytes">The heap after the last collection (live objects and fragmentation).</param>
public readonly record struct MemorySample(long Timestamp, long AllocatedBytes, long CommittedBytes, long HeapBytes);

/// <summary>
/// When <see cref="IdleMemoryTrimmer"/> trims: after <see cref="MemoryTrimOptions.IdleAfter"/> during which every check
/// saw allocation below <see cref="MemoryTrimOptions.QuietAllocationBytesPerSecond"/>, if more than
/// <see cref="MemoryTrimOptions.MinimumReclaimBytes"/> is committed beyond the heap and no deadline is due within
/// <see cref="MemoryTrimOptions.DeadlineClearance"/> plus twice the pause expected: the heap's size at the pause per byte
/// of the last trim (10 ms per MB before the first, twice what a 2-core VM measured). A trim starts a new quiet
/// period, so an idle server trims again only after a new burst committed more.
/// </summary>
public sealed class IdleTrimPolicy(MemoryTrimOptions options, long timestampFrequency)
{
    private MemorySample? _last;
    private long _quietSince;
    private double _pauseSecondsPerByte = 0.010 / (1 << 20);

    /// <summary>The pause a trim of a heap of <paramref name="heapBytes"/> is expected to take.</summary>
    public TimeSpan ExpectedPause(long heapBytes) => TimeSpan.FromSeconds(heapBytes * _pauseSecondsPerByte);

    /// <summary>
    /// Takes the check's <paramref name="sample"/>; true when the server should trim now. <paramref name="untilNextDeadline"/>
    /// (time to the earliest pending deadline, null when none) is asked only when everything else says trim.
    /// </summary>
    public bool ShouldTrim(MemorySample sample, Func<TimeSpan?> untilNextDeadline)
    {
        if (_last is not { } last)
        {
            (_last, _quietSince) = (sample, sample.Timestamp);
            return false;
        }
        _last = sample;
        var seconds = (sample.Timestamp - last.Timestamp) / (double)timestampFrequency;
        if (seconds <= 0) return false;
        if ((sample.AllocatedBytes - last.AllocatedBytes) / seconds > options.QuietAllocationBytesPerSecond)
        {
            _quietSince = sample.Timestamp;
            return false;
        }
        return sample.Timestamp - _quietSince >= options.IdleAfter.TotalSeconds * timestampFrequency
            && sample.CommittedBytes - sample.HeapBytes >= options.MinimumReclaimBytes
            && !(untilNextDeadline() < options.DeadlineClearance + 2 * ExpectedPause(sample.HeapBytes));
    }

    /// <summary>Records a trim that ended at <paramref name="after"/> and paused <paramref name="pause"/>: the next one needs a new quiet period.</summary>
    public void Trimmed(MemorySample after, TimeSpan pause)
    {
        (_last, _quietSince) = (after, after.Timestamp);
        if (after.HeapBytes > 0 && pause > TimeSpan.Zero) _pauseSecondsPerByte = pause.TotalSeconds / after.HeapBytes;
    }
}

/// <summary>When an idle server gives memory back (section <c>Memory</c>).</summary>
public sealed class MemoryTrimOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Memory";

    /// <summary>Whether to trim at all (default on).</summary>
    public bool TrimWhenIdle { get; set; } = true;

    /// <summary>How long the server must have been quiet before it trims (default 5 s).</summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often allocation is sampled (default 1 s).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Allocation below this counts as quiet (default 8 MB/s: an idle floor still refreshes its KPIs every second and
    /// writes its checkpoints; one opening allocates ~12 KB, so 8 MB/s is under 700 events a second).
    /// </summary>
    public long QuietAllocationBytesPerSecond { get; set; } = 8L << 20;

    /// <summary>
    /// No trim starts while a deadline is due sooner than this plus twice the pause the trim is expected to take
    /// (default 1 s; the pause grows with the live heap: 0.36 s for 100k idle complaints on a 2-core VM).
    /// </summary>
    public TimeSpan DeadlineClearance { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The least committed memory beyond the heap worth a trim (default 64 MB).</summary>
    public long MinimumReclaimBytes { get; set; } = 64L << 20;

    /// <summary>What is wrong with these settings, naming each key (empty when they are usable).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (IdleAfter < TimeSpan.Zero) errors.Add($"{SectionName}:{nameof(IdleAfter)} must not be negative (was {IdleAfter})");
        if (DeadlineClearance < TimeSpan.Zero) errors.Add($"{SectionName}:{nameof(DeadlineClearance)} must not be negative (was {DeadlineClearance})");
        if (CheckInterval <= TimeSpan.Zero) errors.Add($"{SectionName}:{nameof(CheckInterval)} must be positive (was {CheckInterval})");
        if (QuietAllocationBytesPerSecond < 0) errors.Add($"{SectionName}:{nameof(QuietAllocationBytesPerSecond)} must not be negative (was {QuietAllocationBytesPerSecond})");
        if (MinimumReclaimBytes < 0) errors.Add($"{SectionName}:{nameof(MinimumReclaimBytes)} must not be negative (was {MinimumReclaimBytes})");
        return errors;
    }
}
