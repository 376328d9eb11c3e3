namespace Realtime.Domain.Clocks;

/// <summary>
/// One clock of a complaint as seen at an instant. A clock whose start event has not happened yet has a null
/// <see cref="State"/> ("not started"), zero <see cref="Elapsed"/> and the whole <see cref="Target"/> remaining.
/// </summary>
/// <param name="Name">The policy's clock name, e.g. <c>firstResponse</c>.</param>
/// <param name="State">Running / Paused / Met / Breached; null when not started.</param>
/// <param name="Target">The policy target.</param>
/// <param name="Elapsed">Running time counted so far (paused time excluded; working time only under a calendar), up to the view instant.</param>
/// <param name="Remaining">max(0, Target − Elapsed).</param>
/// <param name="DueAt">The instant the running time reaches the target if the clock keeps running; null unless running. For a running breached clock this equals <paramref name="BreachedAt"/>.</param>
/// <param name="BreachedAt">The instant the running time reached the target (the true due time, not when it was detected); null unless breached.</param>
public sealed record ClockView(
    string Name,
    ClockState? State,
    TimeSpan Target,
    TimeSpan Elapsed,
    TimeSpan Remaining,
    DateTimeOffset? DueAt,
    DateTimeOffset? BreachedAt)
{
    /// <summary>When the current run of the clock started (the reopen instant after a restart); null when not started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the clock stopped (stop event or resolution); null while it can still count.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>The name of the working calendar the clock counts in; null for a 24×7 clock.</summary>
    public string? Calendar { get; init; }

    /// <summary>
    /// The clock is running but the view instant is outside its calendar's working hours, so it is not counting now
    /// (dashboards show "暂停计时 · 非工作时间"); always false for a 24×7 clock.
    /// </summary>
    public bool OutsideWorkingHours { get; init; }

    /// <summary>When a clock <see cref="OutsideWorkingHours"/> counts again (the next working period's start); null otherwise.</summary>
    public DateTimeOffset? CountingResumesAt { get; init; }

    /// <summary>
    /// When a running calendar clock inside working hours stops counting: the end of the current working period, if
    /// that comes before <see cref="DueAt"/>; null for a 24×7 clock, outside working hours, or when it falls due first.
    /// </summary>
    public DateTimeOffset? CountingPausesAt { get; init; }

    /// <summary>When a clock that stops counting at <see cref="CountingPausesAt"/> counts again (the next working period's start); null when it does not pause.</summary>
    public DateTimeOffset? CountingResumesAfterPauseAt { get; init; }

    /// <summary>
    /// The instant this view was computed at: <see cref="Elapsed"/> and <see cref="Remaining"/> are as of it, so a
    /// dashboard counts a calendar clock's working time left down from it (wall time minus the pauses it is told of).
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>
    /// The version of the clock's policy this view was computed under (<see cref="Policies.PolicyVersion"/>): a running case
    /// keeps the version it started with until a recalculation moves it to the configured one.
    /// </summary>
    public string? PolicyVersion { get; init; }
}
