namespace Realtime.Domain.Calendars;

/// <summary>
/// Which instants count as working time: <see cref="WorkingHours"/> (wall-clock periods, split shifts allowed) on working
/// days in <see cref="TimeZone"/>. A working day is a <see cref="WorkingWeekdays"/> date that is not one of the
/// <see cref="Holidays"/>, or one of the <see cref="WorkingWeekends"/> (调休 make-up days, worked whatever their weekday).
/// SLA clocks that name a calendar count only working time; a clock with no calendar counts 24×7.
/// </summary>
/// <remarks>
/// Arithmetic is exact to the tick (so to the second). Each year's working intervals are computed once, on first use,
/// as UTC ticks with running totals, so a due-time lookup is a binary search plus a walk over one day's periods.
/// Daylight saving: a period starts at the first instant its start time is shown and ends at the last instant its end
/// time is shown; a wall time skipped by a forward change means the instant of the change. Thread-safe and immutable
/// apart from that cache, whose year tables are immutable and published whole.
/// </remarks>
public sealed partial class WorkingCalendar : IEquatable<WorkingCalendar>
{
    /// <summary>The default zone: the company zone, <c>Asia/Shanghai</c> (UTC+8, no daylight saving).</summary>
    public const string DefaultTimeZoneId = CompanyCalendar.DefaultTimeZoneId;

    /// <summary>Earliest year the calendar answers for (instants before it are out of range).</summary>
    public const int FirstYear = 1900;

    /// <summary>Last year the calendar answers for.</summary>
    public const int LastYear = 9998;

    private readonly YearTable?[] _years = new YearTable?[LastYear - FirstYear + 1];
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingWeekends;
    private readonly bool[] _weekdays = new bool[7];
    private readonly TimeSpan[] _periodStarts;
    private readonly TimeSpan[] _periodEnds;
    private readonly long _baseOffsetTicks;
    private YearTable? _recent;

    /// <summary>The default working hours: 09:00–12:00 and 13:30–18:00 (a lunch break in between).</summary>
    public static IReadOnlyList<WorkingPeriod> DefaultWorkingHours { get; } =
        [new(TimeSpan.FromHours(9), TimeSpan.FromHours(12)), new(new TimeSpan(13, 30, 0), TimeSpan.FromHours(18))];

    /// <summary>The default working weekdays: Monday to Friday.</summary>
    public static IReadOnlyList<DayOfWeek> DefaultWorkingWeekdays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Creates a calendar; null lists take the defaults (<see cref="DefaultWorkingHours"/>, <see cref="DefaultWorkingWeekdays"/>, none).</summary>
    /// <param name="timeZone">The zone whose wall clock the working hours follow.</param>
    /// <param name="workingHours">Ascending, non-overlapping periods of a working day; at least one.</param>
    /// <param name="workingWeekdays">Weekdays that are working days unless a holiday; at least one.</param>
    /// <param name="holidays">Dates off although their weekday is a working one.</param>
    /// <param name="workingWeekends">Make-up working dates (调休); none may also be a holiday.</param>
    /// <exception cref="ArgumentException">Periods overlap or are out of order, no period or weekday is given, or a date is both a holiday and a working day.</exception>
    public WorkingCalendar(
        TimeZoneInfo timeZone,
        IEnumerable<WorkingPeriod>? workingHours = null,
        IEnumerable<DayOfWeek>? workingWeekdays = null,
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DateOnly>? workingWeekends = null)
    {
        TimeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
        _baseOffsetTicks = timeZone.BaseUtcOffset.Ticks;

        var periods = (workingHours ?? DefaultWorkingHours).ToArray();
        if (periods.Length == 0)
            throw new ArgumentException("A working calendar needs at least one working period.", nameof(workingHours));
        for (var i = 1; i < periods.Length; i++)
        {
            if (periods[i].Start < periods[i - 1].End)
                throw new ArgumentException($"Working period {periods[i]} starts before the previous one ({periods[i - 1]}) ends; list them in order without overlap.", nameof(workingHours));
        }

        WorkingHours = periods;
        _periodStarts = periods.Select(p => p.Start).ToArray();
        _periodEnds = periods.Select(p => p.End).ToArray();

        var weekdays = (workingWeekdays ?? DefaultWorkingWeekdays).Distinct().Order().ToArray();
        if (weekdays.Length == 0)
            throw new ArgumentException("A working calendar needs at least one working weekday.", nameof(workingWeekdays));
        foreach (var day in weekdays)
        {
            if (!Enum.IsDefined(day))
                throw new ArgumentOutOfRangeException(nameof(workingWeekdays), day, "Not a day of the week.");
            _weekdays[(int)day] = true;
        }

        WorkingWeekdays = weekdays;
        Holidays = (holidays ?? []).Distinct().Order().ToArray();
        WorkingWeekends = (workingWeekends ?? []).Distinct().Order().ToArray();
        _holidays = [.. Holidays];
        _workingWeekends = [.. WorkingWeekends];
        foreach (var date in WorkingWeekends)
        {
            if (_holidays.Contains(date))
                throw new ArgumentException($"{date:yyyy-MM-dd} is both a holiday and a make-up working day.", nameof(workingWeekends));
        }
    }

    /// <summary>Creates a calendar in the IANA (or Windows) zone <paramref name="timeZoneId"/>; see the main constructor.</summary>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown (and is not <see cref="DefaultTimeZoneId"/>, which falls back to a fixed UTC+8).</exception>
    public WorkingCalendar(
        string timeZoneId = DefaultTimeZoneId,
        IEnumerable<WorkingPeriod>? workingHours = null,
        IEnumerable<DayOfWeek>? workingWeekdays = null,
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DateOnly>? workingWeekends = null)
        : this(CompanyCalendar.FindZone(timeZoneId), workingHours, workingWeekdays, holidays, workingWeekends)
    {
    }

    /// <summary>The calendar's name in configuration (<c>Calendars:&lt;name&gt;</c>), shown with the clocks that use it; empty when unnamed.</summary>
    public string Name { get; init; } = "";

    /// <summary>The zone whose wall clock <see cref="WorkingHours"/> and the dates follow.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The periods of every working day, ascending and non-overlapping.</summary>
    public IReadOnlyList<WorkingPeriod> WorkingHours { get; }

    /// <summary>The weekdays that are working days unless listed in <see cref="Holidays"/>, Sunday first.</summary>
    public IReadOnlyList<DayOfWeek> WorkingWeekdays { get; }

    /// <summary>Dates off although their weekday is a working one (public holidays), ascending.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; }

    /// <summary>Make-up working dates (调休, e.g. a Saturday worked to bridge a holiday), ascending.</summary>
    public IReadOnlyList<DateOnly> WorkingWeekends { get; }

    /// <summary>Whether <paramref name="date"/> is a working day: a make-up day, or a working weekday that is not a holiday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _workingWeekends.Contains(date) || (_weekdays[(int)date.DayOfWeek] && !_holidays.Contains(date));

    /// <summary>Whether <paramref name="instant"/> lies inside working hours (a period's start is inside, its end is not).</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var (table, day) = Locate(ticks);
        for (var p = table.FirstPeriod[day]; p < table.FirstPeriod[day + 1]; p++)
        {
            if (ticks >= table.PeriodStarts[p] && ticks < table.PeriodEnds[p]) return true;
        }

        return false;
    }

    /// <summary>
    /// When working time next counts from <paramref name="instant"/>: the instant itself inside working hours, else the
    /// start of the next working period (e.g. 09:00 of the next working day). Offset as <paramref name="instant"/>'s.
    /// </summary>
    public DateTimeOffset NextWorkingTimeStart(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var (table, day) = Locate(ticks);
        while (true)
        {
            for (; day < table.Days; day++)
            {
                for (var p = table.FirstPeriod[day]; p < table.FirstPeriod[day + 1]; p++)
                {
                    if (table.PeriodEnds[p] > ticks)
                        return table.PeriodStarts[p] <= ticks ? instant : At(table.PeriodStarts[p], instant.Offset);
                }
            }

            table = YearAfter(table);
            day = 0;
        }
    }

    /// <summary>
    /// When working time that counts at <paramref name="instant"/> stops: the end of its working period (periods that
    /// touch, such as <c>00:00-24:00</c> on consecutive working days, count as one), if that is before
    /// <paramref name="before"/>; null when <paramref name="instant"/> is outside working hours or working time lasts
    /// until <paramref name="before"/> or later. Offset as <paramref name="instant"/>'s.
    /// </summary>
    public DateTimeOffset? WorkingTimeEndBefore(DateTimeOffset instant, DateTimeOffset before)
    {
        var ticks = instant.UtcTicks;
        var limit = before.UtcTicks;
        var (table, day) = Locate(ticks);
        var period = -1;
        for (var p = table.FirstPeriod[day]; p < table.FirstPeriod[day + 1]; p++)
        {
            if (ticks >= table.PeriodStarts[p] && ticks < table.PeriodEnds[p])
            {
                period = p;
                break;
            }
        }

        if (period < 0) return null;
        var end = table.StretchEnds[period];
        // A stretch through the year's last period goes on when the next year's first period starts as it ends.
        while (end < limit && end == table.PeriodEnds[^1] && table.Year < LastYear)
        {
            var next = YearAfter(table);
            if (next.PeriodStarts.Length == 0 || next.PeriodStarts[0] != end) break;
            table = next;
            end = table.StretchEnds[0];
        }

        return end < limit ? At(end, instant.Offset) : null;
    }

    /// <summary>Working time in [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var start = from.UtcTicks;
        var end = to.UtcTicks;
        if (end <= start) return TimeSpan.Zero;
        var (first, firstDay) = Locate(start);
        var (last, lastDay) = Locate(end);
        var ticks = WorkedBefore(last, lastDay, end) - WorkedBefore(first, firstDay, start);
        for (var year = first.Year; year < last.Year; year++)
            ticks += Year(year).TotalWorked;
        return TimeSpan.FromTicks(ticks);
    }

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has passed since <paramref name="start"/>
    /// (the due time of a target): always inside or at the end of a working period; <paramref name="start"/> itself for zero.
    /// Offset as <paramref name="start"/>'s.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingTime"/> is negative, or the answer lies beyond <see cref="LastYear"/>.</exception>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        if (workingTime <= TimeSpan.Zero)
        {
            return workingTime == TimeSpan.Zero ? start
                : throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "Working time to add must not be negative.");
        }

        var ticks = start.UtcTicks;
        var (table, day) = Locate(ticks);
        var target = WorkedBefore(table, day, ticks) + workingTime.Ticks;
        while (target > table.TotalWorked)
        {
            target -= table.TotalWorked;
            table = YearAfter(table);
            day = 0;
        }

        // The first day whose running total at its end reaches the target; the target lies within it.
        var totals = table.WorkedBeforeDay;
        int low = day + 1, high = table.Days;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (totals[mid] >= target) high = mid;
            else low = mid + 1;
        }

        var dueDay = low - 1;
        var remaining = target - totals[dueDay];
        for (var p = table.FirstPeriod[dueDay]; ; p++)
        {
            var length = table.PeriodEnds[p] - table.PeriodStarts[p];
            if (remaining <= length) return At(table.PeriodStarts[p] + remaining, start.Offset);
            remaining -= length;
        }
    }

    /// <summary>Value equality of the definition: name, zone id, hours, weekdays and dates.</summary>
    public bool Equals(WorkingCalendar? other) =>
        other is not null && (ReferenceEquals(this, other) || (Name == other.Name && TimeZone.Id == other.TimeZone.Id
            && WorkingHours.SequenceEqual(other.WorkingHours) && WorkingWeekdays.SequenceEqual(other.WorkingWeekdays)
            && Holidays.SequenceEqual(other.Holidays) && WorkingWeekends.SequenceEqual(other.WorkingWeekends)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WorkingCalendar);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, TimeZone.Id, WorkingHours.Count, Holidays.Count, WorkingWeekends.Count);

    /// <summary>The name and zone, e.g. <c>cn (Asia/Shanghai)</c>.</summary>
    public override string ToString() => $"{(Name.Length > 0 ? Name : "calendar")} ({TimeZone.Id})";
}
