namespace Realtime.Domain.Calendars;

/// <summary>
/// Dates off and make-up working dates (调休) as published for a country or a company, e.g. read from an iCalendar
/// file with <see cref="ParseICalendar(TextReader)"/>. A <see cref="WorkingCalendar"/> adds them to its own lists.
/// </summary>
/// <param name="Holidays">Dates that are not working days although their weekday is; ascending, distinct.</param>
/// <param name="WorkingWeekends">Make-up working days (补班): dates that are working days although their weekday is not; ascending, distinct.</param>
public sealed record HolidaySchedule(IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> WorkingWeekends)
{
    /// <summary>No holidays and no make-up days.</summary>
    public static HolidaySchedule Empty { get; } = new([], []);

    /// <summary>
    /// The <c>CATEGORIES</c> values (case-insensitive) that mark an all-day event as make-up working days rather than days off:
    /// <c>补班</c>, <c>上班</c>, <c>WORKDAY</c>. A <c>SUMMARY</c> containing <c>补班</c> or <c>上班</c> marks it too.
    /// </summary>
    public static IReadOnlyList<string> WorkingDayCategories { get; } = ["补班", "上班", "WORKDAY"];

    /// <summary>The words that, found in an event's <c>SUMMARY</c>, mark it as make-up working days: <c>补班</c>, <c>上班</c>.</summary>
    public static IReadOnlyList<string> WorkingDaySummaryWords { get; } = ["补班", "上班"];

    /// <inheritdoc cref="HolidaySchedule" path="/param[@name='Holidays']"/>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = Normalize(Holidays);

    /// <inheritdoc cref="HolidaySchedule" path="/param[@name='WorkingWeekends']"/>
    public IReadOnlyList<DateOnly> WorkingWeekends { get; init; } = Normalize(WorkingWeekends);

    /// <summary>
    /// Reads the all-day events (RFC 5545 <c>VEVENT</c> with <c>DTSTART;VALUE=DATE</c>) of an iCalendar text. An event covers
    /// <c>DTSTART</c> up to, not including, <c>DTEND</c> (or <c>DURATION</c> in days or weeks; one day when neither is given).
    /// Events marked as make-up working days (see <see cref="WorkingDayCategories"/>) give <see cref="WorkingWeekends"/>;
    /// every other event gives <see cref="Holidays"/>; cancelled events are skipped. Folded lines and CRLF or LF line ends are accepted.
    /// </summary>
    /// <exception cref="FormatException">Not an iCalendar, or an event that is not all-day, recurs, or has no valid dates; the message names the line.</exception>
    public static HolidaySchedule ParseICalendar(TextReader reader) => ICalendarReader.Read(reader);

    /// <summary>Reads an iCalendar text given as a string; see <see cref="ParseICalendar(TextReader)"/>.</summary>
    /// <exception cref="FormatException">As <see cref="ParseICalendar(TextReader)"/>.</exception>
    public static HolidaySchedule ParseICalendar(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return ParseICalendar(reader);
    }

    /// <summary>Both schedules' dates together.</summary>
    public HolidaySchedule Union(HolidaySchedule other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new HolidaySchedule([.. Holidays, .. other.Holidays], [.. WorkingWeekends, .. other.WorkingWeekends]);
    }

    /// <summary>Value equality of both date lists, element by element.</summary>
    public bool Equals(HolidaySchedule? other) =>
        other is not null && Holidays.SequenceEqual(other.Holidays) && WorkingWeekends.SequenceEqual(other.WorkingWeekends);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Holidays.Count, WorkingWeekends.Count);

    private static DateOnly[] Normalize(IReadOnlyList<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return dates.Distinct().Order().ToArray();
    }
}
