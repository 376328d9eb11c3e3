namespace Realtime.Domain.Calendars;

/// <summary>
/// The company's civil calendar: the time zone in which local dates, days and quarters are reckoned
/// (default <c>Asia/Shanghai</c>, UTC+8, no daylight saving). Converts instants
/// (<see cref="DateTimeOffset"/>) to local dates (<see cref="DateOnly"/>) and back. Immutable and thread-safe.
/// </summary>
public sealed class CompanyCalendar
{
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
    public CompanyCalendar(TimeZoneInfo zone) => Zone = zone ?? throw new ArgumentNullException(nameof(zone));

    /// <summary>The company time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The zone's id, as given (e.g. <c>Asia/Shanghai</c>).</summary>
    public string TimeZoneId => Zone.Id;

    /// <summary>The local date (in the company zone) on which <paramref name="instant"/> falls.</summary>
    public DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

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

    private static TimeZoneInfo FindZone(string timeZoneId)
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
}
