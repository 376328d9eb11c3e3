namespace Realtime.Server.Hosting;

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
