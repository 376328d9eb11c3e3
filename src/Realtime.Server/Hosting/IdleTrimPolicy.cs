namespace Realtime.Server.Hosting;

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
