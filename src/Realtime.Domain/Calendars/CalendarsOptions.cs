using System.Globalization;

namespace Realtime.Domain.Calendars;

/// <summary>
/// The configuration section <c>Calendars</c>: working calendars by name (<c>Calendars:cn:WorkingHours:0 = "09:00-12:00"</c>),
/// which clocks name with <c>Sla:Clocks:&lt;clock&gt;:Calendar</c>. Bind the section onto <see cref="Calendars"/>, call
/// <see cref="Validate"/> at startup, then <see cref="ToCalendars"/>. Reading files is the host's job: it passes an opener.
/// </summary>
public sealed class CalendarsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Calendars";

    /// <summary>The <see cref="WorkingCalendarOptions.File"/> prefix naming a schedule shipped in the domain assembly.</summary>
    public const string BuiltInFilePrefix = "builtin:";

    /// <summary>Calendars by name (case-insensitive, as configuration keys are).</summary>
    public Dictionary<string, WorkingCalendarOptions> Calendars { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The zone of calendars that set none (<c>Company:TimeZone</c>); null means <see cref="WorkingCalendar.DefaultTimeZoneId"/>.</summary>
    public string? CompanyTimeZone { get; set; }

    /// <summary>
    /// Human-readable problems, each naming its key and the value judged
    /// (e.g. <c>Calendars:cn:WorkingHours[1] '13:30-12:00': end before start</c>); empty when every calendar is usable.
    /// </summary>
    /// <param name="openFile">Opens a <see cref="WorkingCalendarOptions.File"/> path (the host resolves it); null when files cannot be read.</param>
    public IReadOnlyList<string> Validate(Func<string, TextReader>? openFile = null)
    {
        var errors = new List<string>();
        foreach (var (name, calendar) in Calendars)
            Build(name, calendar, openFile, errors);
        return errors;
    }

    /// <summary>The calendars by name (case-insensitive), each with its <see cref="WorkingCalendar.Name"/> set.</summary>
    /// <param name="openFile">As for <see cref="Validate"/>.</param>
    /// <exception cref="InvalidOperationException">When <see cref="Validate"/> reports problems; the message lists them.</exception>
    public IReadOnlyDictionary<string, WorkingCalendar> ToCalendars(Func<string, TextReader>? openFile = null)
    {
        var errors = new List<string>();
        var calendars = new Dictionary<string, WorkingCalendar>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, options) in Calendars)
        {
            if (Build(name, options, openFile, errors) is { } calendar)
                calendars[name] = calendar;
        }

        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid calendar configuration: " + string.Join("; ", errors));
        return calendars;
    }

    private WorkingCalendar? Build(string name, WorkingCalendarOptions? options, Func<string, TextReader>? openFile, List<string> errors)
    {
        var key = $"{SectionName}:{name}";
        var before = errors.Count;
        options ??= new WorkingCalendarOptions();

        TimeZoneInfo? zone = null;
        var zoneId = options.TimeZone ?? CompanyTimeZone ?? WorkingCalendar.DefaultTimeZoneId;
        try
        {
            zone = CompanyCalendar.FindZone(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            var zoneKey = options.TimeZone is null && CompanyTimeZone is not null ? "Company:TimeZone" : $"{key}:TimeZone";
            errors.Add($"{zoneKey} '{zoneId}': not a known time zone (e.g. Asia/Shanghai, Europe/Berlin)");
        }

        var periods = new List<WorkingPeriod>();
        var hours = options.WorkingHours ?? [.. WorkingCalendarOptions.DefaultWorkingHours];
        if (hours.Length == 0)
            errors.Add($"{key}:WorkingHours: must list at least one period such as 09:00-18:00");
        for (var i = 0; i < hours.Length; i++)
        {
            if (!WorkingPeriod.TryParse(hours[i], out var period, out var problem))
                errors.Add($"{key}:WorkingHours[{i}] '{hours[i]}': {problem}");
            else if (periods.Count > 0 && period.Start < periods[^1].End)
                errors.Add($"{key}:WorkingHours[{i}] '{hours[i]}': starts before the previous period ({periods[^1]}) ends; list periods in order without overlap");
            else
                periods.Add(period);
        }

        var weekdays = new List<DayOfWeek>();
        var weekdayNames = options.WorkingWeekdays ?? [.. WorkingCalendarOptions.DefaultWorkingWeekdays];
        if (weekdayNames.Length == 0)
            errors.Add($"{key}:WorkingWeekdays: must list at least one weekday such as Monday");
        for (var i = 0; i < weekdayNames.Length; i++)
        {
            if (ParseWeekday(weekdayNames[i]) is { } day)
                weekdays.Add(day);
            else
                errors.Add($"{key}:WorkingWeekdays[{i}] '{weekdayNames[i]}': not a day of the week (Monday … Sunday, or Mon … Sun)");
        }

        var schedule = HolidaySchedule.Empty;
        if (!string.IsNullOrWhiteSpace(options.File))
            schedule = ReadFile($"{key}:File", options.File.Trim(), openFile, errors);
        var holidays = ParseDates($"{key}:Holidays", options.Holidays ?? [.. WorkingCalendarOptions.DefaultHolidays], errors);
        var working = ParseDates($"{key}:WorkingWeekends", options.WorkingWeekends ?? [.. WorkingCalendarOptions.DefaultWorkingWeekends], errors);

        var holidaySet = new HashSet<DateOnly>([.. holidays.Select(h => h.Date), .. schedule.Holidays]);
        foreach (var (date, index, text) in working)
        {
            if (holidaySet.Contains(date))
                errors.Add($"{key}:WorkingWeekends[{index}] '{text}': {Iso(date)} is also a holiday; a date is either off or worked");
        }

        var configuredWorking = working.Select(w => w.Date).ToHashSet();
        foreach (var date in schedule.WorkingWeekends)
        {
            if (holidaySet.Contains(date) && !configuredWorking.Contains(date))
                errors.Add($"{key}:File '{options.File}': {Iso(date)} is both a holiday and a make-up working day");
        }

        if (errors.Count > before || zone is null)
            return null;
        return new WorkingCalendar(zone, periods, weekdays, holidaySet, [.. configuredWorking, .. schedule.WorkingWeekends]) { Name = name };
    }

    private static HolidaySchedule ReadFile(string key, string file, Func<string, TextReader>? openFile, List<string> errors)
    {
        try
        {
            if (file.StartsWith(BuiltInFilePrefix, StringComparison.OrdinalIgnoreCase))
            {
                var builtIn = file[BuiltInFilePrefix.Length..].Trim();
                if (!BuiltInSchedules.Names.Contains(builtIn, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add($"{key} '{file}': no built-in schedule of that name (built in: {string.Join(", ", BuiltInSchedules.Names.Select(n => BuiltInFilePrefix + n))})");
                    return HolidaySchedule.Empty;
                }

                return BuiltInSchedules.Load(builtIn);
            }

            if (openFile is null)
            {
                errors.Add($"{key} '{file}': the host gave no way to read files; use a {BuiltInFilePrefix} schedule or list the dates");
                return HolidaySchedule.Empty;
            }

            using var reader = openFile(file);
            return HolidaySchedule.ParseICalendar(reader);
        }
        catch (FormatException e)
        {
            errors.Add($"{key} '{file}': {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add($"{key} '{file}': cannot be read ({e.Message})");
        }

        return HolidaySchedule.Empty;
    }

    /// <summary>Dates and inclusive ranges (<c>2026-10-01..2026-10-07</c>), each with the index and text it came from.</summary>
    private static List<(DateOnly Date, int Index, string Text)> ParseDates(string key, string[] values, List<string> errors)
    {
        var dates = new List<(DateOnly, int, string)>();
        for (var i = 0; i < values.Length; i++)
        {
            var text = values[i] ?? "";
            var ends = text.Split("..", StringSplitOptions.TrimEntries);
            if (ends.Length is 1 or 2 && TryParseDate(ends[0], out var first) && TryParseDate(ends[^1], out var last))
            {
                if (last < first)
                    errors.Add($"{key}[{i}] '{text}': the range ends before it starts");
                else if (last.DayNumber - first.DayNumber > 366)
                    errors.Add($"{key}[{i}] '{text}': a range may span at most a year");
                else
                    for (var d = first; d <= last; d = d.AddDays(1)) dates.Add((d, i, text));
            }
            else
            {
                errors.Add($"{key}[{i}] '{text}': not a date like 2026-10-01 or a range like 2026-10-01..2026-10-07");
            }
        }

        return dates;
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DayOfWeek? ParseWeekday(string? text)
    {
        var name = text?.Trim() ?? "";
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var full = day.ToString();
            if (name.Equals(full, StringComparison.OrdinalIgnoreCase) || name.Equals(full[..3], StringComparison.OrdinalIgnoreCase))
                return day;
        }

        return null;
    }
}
