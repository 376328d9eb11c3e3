namespace Realtime.Domain.Calendars;

/// <summary>
/// The company's civil calendar: the time zone in which local dates, days and quarters are reckoned
/// (default <c>Asia/Shanghai</c>, UTC+8, no daylight saving). Converts instants
/// (<see cref="DateTimeOffset"/>) to local dates (<see cref="DateOnly"/>) and back. Thread-safe: its only mutable part is
/// the cache behind <see cref="DateOf"/>, whose entries are immutable and replaced whole.
/// </summary>
public sealed class CompanyCalendar
{
    // A power of two: the slot is the low bits of a day number. 16 days cover a rolling window's worth of late events.
    private const int CachedDays = 16;

    private readonly LocalDay?[] _days = new LocalDay?[CachedDays];
    private readonly long _baseOffsetTicks;

    /// <summary>The default company time zone id.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>The calendar in <see cref="DefaultTimeZoneId"/>.</summary>
    public static CompanyCalendar Default { get; } = new(DefaultTimeZoneId);

    /// <summary>Creates the calendar of the IANA (or Windows) time zone <paramref name="timeZoneId"/>.</summary>
    /// <exception cref="TimeZoneNotFoundException">The id is unknown and is not the default zone.</exception>
    public CompanyCalendar(string timeZoneId = DefaultTimeZoneId)
        : this(FindZone(timeZoneId))
    {
    }

    /// <summary>Creates the calendar of <paramref name="zone"/>.</summary>
    public CompanyCalendar(TimeZoneInfo zone)
    {
        Zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _baseOffsetTicks = zone.BaseUtcOffset.Ticks;
    }

    /// <summary>The company time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The zone's id, as given (e.g. <c>Asia/Shanghai</c>).</summary>
    public string TimeZoneId => Zone.Id;

    /// <summary>The local date (in the company zone) on which <paramref name="instant"/> falls.</summary>
    /// <remarks>
    /// Called for every event an agent or team records, so it answers from a small cache of local days — each the
    /// UTC interval <c>[start, end)</c> of one local date — and converts through the zone only on a miss. A day is
    /// cached only when the zone's offset is the same all through it, so days with a transition (daylight saving,
    /// a skipped midnight) always take the exact conversion.
    /// </remarks>
    public DateOnly DateOf(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var slot = SlotOf(ticks);
        if (Volatile.Read(ref _days[slot]) is { } day && ticks >= day.StartUtcTicks && ticks < day.EndUtcTicks) return day.Date;
        return DateOfUncached(instant, slot);
    }

    /// <summary>The first instant of local date <paramref name="date"/> in the company zone.</summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var localMidnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(localMidnight))
        {
            // Midnight skipped by a forward transition: the day starts at the transition instant,
            // which is local midnight read with the offset in force just before it.
            return new DateTimeOffset(localMidnight, Zone.GetUtcOffset(localMidnight.AddHours(-3)));
        }

        if (Zone.IsAmbiguousTime(localMidnight))
        {
            // Midnight happens twice: the day starts at the earlier one (the larger offset).
            return new DateTimeOffset(localMidnight, Zone.GetAmbiguousTimeOffsets(localMidnight).Max());
        }

        return new DateTimeOffset(localMidnight, Zone.GetUtcOffset(localMidnight));
    }

    /// <summary>The calendar quarter (in the company zone) containing <paramref name="instant"/>.</summary>
    public Quarter QuarterOf(DateTimeOffset instant) => Quarter.Of(DateOf(instant));

    /// <summary>The first instant of <paramref name="quarter"/> (inclusive).</summary>
    public DateTimeOffset StartOf(Quarter quarter) => StartOfDay(quarter.FirstDay);

    /// <summary>The first instant after <paramref name="quarter"/> (exclusive end: the start of the next quarter).</summary>
    public DateTimeOffset EndOf(Quarter quarter) => StartOf(quarter.Next());

    private DateOnly DateOfUncached(DateTimeOffset instant, int slot)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var start = local.UtcTicks - local.TimeOfDay.Ticks;
        var end = start + TimeSpan.TicksPerDay;
        if (start >= 0 && end <= DateTimeOffset.MaxValue.UtcTicks && SameOffsetThroughout(start, end, local.Offset))
        {
            // Replaced whole (never changed in place), so a concurrent reader sees either the old day or the new one.
            Volatile.Write(ref _days[slot], new LocalDay(date, start, end));
        }

        return date;
    }

    /// <summary>
    /// Whether the zone's offset is <paramref name="offset"/> at every hour of [<paramref name="start"/>, <paramref name="end"/>)
    /// and at its last tick. Then every instant of the interval has that offset (no zone changes its offset and back again
    /// within an hour), so the interval is exactly one local date.
    /// </summary>
    private bool SameOffsetThroughout(long start, long end, TimeSpan offset)
    {
        for (var t = start; t < end; t += TimeSpan.TicksPerHour)
        {
            if (Zone.GetUtcOffset(new DateTimeOffset(t, TimeSpan.Zero)) != offset) return false;
        }

        return Zone.GetUtcOffset(new DateTimeOffset(end - 1, TimeSpan.Zero)) == offset;
    }

    /// <summary>The cache slot of an instant: its day number at the zone's base offset (a day straddling two slots may sit in both).</summary>
    private int SlotOf(long utcTicks) => (int)(((utcTicks + _baseOffsetTicks) / TimeSpan.TicksPerDay) & (CachedDays - 1));

    internal static TimeZoneInfo FindZone(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException) when (timeZoneId == DefaultTimeZoneId)
        {
            // Slim containers often ship without tzdata; China has had no DST since 1991,
            // so a fixed UTC+8 zone is exact for every date this product handles.
            return TimeZoneInfo.CreateCustomTimeZone(DefaultTimeZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }

    /// <summary>One cached local date: the UTC ticks of its first instant and of the first instant after it.</summary>
    private sealed record LocalDay(DateOnly Date, long StartUtcTicks, long EndUtcTicks);
}
