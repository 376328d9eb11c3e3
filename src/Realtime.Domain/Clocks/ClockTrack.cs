using Realtime.Domain.Calendars;

namespace Realtime.Domain.Clocks;

/// <summary>
/// The running intervals of one clock, built by replaying a complaint's events in time order.
/// Closed intervals are [start, end); an open interval means the clock is running now. Running time is counted 24×7,
/// or as the working time of the policy's calendar within those intervals.
/// </summary>
internal sealed class ClockTrack(ClockPolicy policy)
{
    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _closed = [];

    public ClockPolicy Policy { get; } = policy;
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? StoppedAt { get; private set; }
    public DateTimeOffset? RunningSince { get; private set; }

    /// <summary>0 for the first run; +1 for each restart on reopen, so signals of a restarted clock can fire again.</summary>
    public int Cycle { get; private set; }

    /// <summary>Breach instants of runs discarded by a restart; the escalation chain still started from them.</summary>
    public List<DateTimeOffset> EarlierBreaches { get; } = [];

    public bool Started => StartedAt is not null;
    public bool Stopped => StoppedAt is not null;
    public bool Running => RunningSince is not null;
    public bool Paused => Started && !Stopped && !Running;

    public void Start(DateTimeOffset at, bool paused)
    {
        StartedAt = at;
        RunningSince = paused ? null : at;
    }

    public void Pause(DateTimeOffset at)
    {
        if (RunningSince is { } since)
        {
            _closed.Add((since, at));
            RunningSince = null;
        }
    }

    public void Resume(DateTimeOffset at)
    {
        if (Paused)
            RunningSince = at;
    }

    public void Stop(DateTimeOffset at)
    {
        Pause(at);
        StoppedAt = at;
    }

    /// <summary>Reopen of a clock stopped by resolution: keep counting (resume) or count from zero (restart).</summary>
    public void Reopen(DateTimeOffset at)
    {
        if (Policy.OnReopen == ReopenRule.Restart)
        {
            if (Reach(Policy.Target) is { } breach)
                EarlierBreaches.Add(breach);
            _closed.Clear();
            StartedAt = at;
            Cycle++;
        }
        StoppedAt = null;
        RunningSince = at;
    }

    /// <summary>Running time up to <paramref name="now"/> (working time only under a calendar).</summary>
    public TimeSpan ElapsedAt(DateTimeOffset now)
    {
        var calendar = Policy.Calendar;
        var total = TimeSpan.Zero;
        foreach (var (start, end) in _closed)
            total += Counted(calendar, start, end < now ? end : now);
        if (RunningSince is { } since)
            total += Counted(calendar, since, now);
        return total;
    }

    /// <summary>
    /// The instant at which the running time reaches <paramref name="amount"/>, or null if it has not and the clock is
    /// not running. A clock paused or stopped exactly at the amount has not passed it.
    /// </summary>
    public DateTimeOffset? Reach(TimeSpan amount)
    {
        if (Policy.Calendar is { } calendar)
            return ReachWorking(calendar, amount);
        var counted = TimeSpan.Zero;
        foreach (var (start, end) in _closed)
        {
            var length = end - start;
            if (counted + length > amount)
                return start + (amount - counted);
            counted += length;
        }
        return RunningSince is { } since ? since + (amount - counted) : null;
    }

    /// <summary><see cref="Reach"/> counting only the working time of <paramref name="calendar"/>.</summary>
    private DateTimeOffset? ReachWorking(WorkingCalendar calendar, TimeSpan amount)
    {
        var counted = TimeSpan.Zero;
        foreach (var (start, end) in _closed)
        {
            var length = calendar.WorkingTimeBetween(start, end);
            if (counted + length > amount)
                return calendar.AddWorkingTime(start, amount - counted);
            counted += length;
        }
        return RunningSince is { } since ? calendar.AddWorkingTime(since, amount - counted) : null;
    }

    private static TimeSpan Counted(WorkingCalendar? calendar, DateTimeOffset from, DateTimeOffset to) =>
        calendar is null ? Positive(to - from) : calendar.WorkingTimeBetween(from, to);

    private static TimeSpan Positive(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.Zero;
}
