namespace Realtime.Domain.Calendars;

/// <summary>
/// One calendar under <c>Calendars:&lt;name&gt;</c>, shaped for configuration binding. Every property is optional; a null
/// one takes its default from code (the <c>Default…</c> members), and a configured list replaces its default whole.
/// <see cref="CalendarsOptions"/> validates these and builds the <see cref="WorkingCalendar"/>s.
/// </summary>
public sealed class WorkingCalendarOptions
{
    /// <summary>The default <see cref="WorkingHours"/>: <c>["09:00-12:00", "13:30-18:00"]</c>.</summary>
    public static IReadOnlyList<string> DefaultWorkingHours { get; } = ["09:00-12:00", "13:30-18:00"];

    /// <summary>The default <see cref="WorkingWeekdays"/>: Monday to Friday.</summary>
    public static IReadOnlyList<string> DefaultWorkingWeekdays { get; } = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// <summary>The default <see cref="Holidays"/>: none (add them here, or from a <see cref="File"/>).</summary>
    public static IReadOnlyList<string> DefaultHolidays { get; } = [];

    /// <summary>The default <see cref="WorkingWeekends"/>: none.</summary>
    public static IReadOnlyList<string> DefaultWorkingWeekends { get; } = [];

    /// <summary>IANA zone id, e.g. <c>Asia/Shanghai</c>; null takes <c>Company:TimeZone</c>, itself defaulting to <c>Asia/Shanghai</c>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Periods of a working day, ascending, e.g. <c>["09:00-12:00", "13:30-18:00"]</c>; <c>24:00</c> may end the last.</summary>
    public string[]? WorkingHours { get; set; }

    /// <summary>Working weekdays by English name or three-letter abbreviation, e.g. <c>["Monday", "Tue"]</c>.</summary>
    public string[]? WorkingWeekdays { get; set; }

    /// <summary>Dates off, <c>yyyy-MM-dd</c>, or inclusive ranges <c>2026-10-01..2026-10-07</c>; added to those of <see cref="File"/>.</summary>
    public string[]? Holidays { get; set; }

    /// <summary>Make-up working dates (调休), <c>yyyy-MM-dd</c> or ranges; added to those of <see cref="File"/>.</summary>
    public string[]? WorkingWeekends { get; set; }

    /// <summary>
    /// An iCalendar (.ics) file of holidays and make-up days: a path the host resolves, or
    /// <c>builtin:&lt;name&gt;</c> for a schedule shipped in the domain assembly (see <see cref="BuiltInSchedules"/>).
    /// </summary>
    public string? File { get; set; }
}
