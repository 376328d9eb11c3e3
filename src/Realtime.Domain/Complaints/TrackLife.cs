namespace Realtime.Domain.Complaints;

/// <summary>
/// One escalating clock's time not stopped (from its start or a reopen to its stop), per run, and the parts of it after the
/// run's breach: the intervals in which its breach keeps the escalation chain climbing.
/// </summary>
internal sealed class TrackLife
{
    /// <summary>Segments of the current run not stopped; the last one is open (null end) while the clock has not stopped.</summary>
    public List<(DateTimeOffset From, DateTimeOffset? To)> Segments { get; } = [];

    /// <summary>Breached and not stopped, of runs collected so far.</summary>
    public List<(DateTimeOffset From, DateTimeOffset? To)> Breached { get; } = [];

    /// <summary>Adds the current run's segments from its breach instant on (nothing when it has not breached).</summary>
    public void CollectBreached(DateTimeOffset? breachedAt)
    {
        if (breachedAt is not { } breach)
            return;
        foreach (var (from, to) in Segments)
        {
            if (to is { } end && end <= breach)
                continue;
            Breached.Add((from > breach ? from : breach, to));
        }
    }
}
