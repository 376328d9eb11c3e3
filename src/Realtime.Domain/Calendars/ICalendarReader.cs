using System.Globalization;
using System.Text;

namespace Realtime.Domain.Calendars;

/// <summary>
/// The small part of RFC 5545 a holiday schedule needs: unfolds lines, walks <c>VEVENT</c>s and reads their all-day
/// <c>DTSTART</c>/<c>DTEND</c>/<c>DURATION</c>, <c>SUMMARY</c>, <c>CATEGORIES</c> and <c>STATUS</c>.
/// </summary>
internal static class ICalendarReader
{
    /// <summary>Longest event accepted, so a typo in a year cannot make millions of dates.</summary>
    private const int MaxEventDays = 366;

    public static HolidaySchedule Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var holidays = new List<DateOnly>();
        var working = new List<DateOnly>();
        var sawCalendar = false;
        EventDraft? current = null;
        var nested = 0;

        foreach (var (lineNumber, line) in Unfold(reader))
        {
            var (name, parameters, value) = Split(line, lineNumber);
            if (name == "BEGIN")
            {
                var component = value.Trim().ToUpperInvariant();
                if (component == "VCALENDAR")
                    sawCalendar = true;
                else if (component == "VEVENT" && current is null)
                    current = new EventDraft(lineNumber);
                else if (current is not null)
                    nested++;
                continue;
            }

            if (name == "END")
            {
                if (current is not null && nested > 0)
                    nested--;
                else if (current is not null && value.Trim().Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
                {
                    current.AddTo(holidays, working);
                    current = null;
                }

                continue;
            }

            if (current is null || nested > 0)
                continue;
            switch (name)
            {
                case "DTSTART":
                    current.Start = ParseDate(parameters, value, lineNumber, name);
                    break;
                case "DTEND":
                    current.End = ParseDate(parameters, value, lineNumber, name);
                    break;
                case "DURATION":
                    current.Days = ParseDays(value, lineNumber);
                    break;
                case "SUMMARY":
                    current.Summary = Unescape(value);
                    break;
                case "CATEGORIES":
                    current.Categories.AddRange(SplitList(value).Select(c => c.Trim()));
                    break;
                case "STATUS":
                    current.Cancelled = value.Trim().Equals("CANCELLED", StringComparison.OrdinalIgnoreCase);
                    break;
                case "RRULE" or "RDATE":
                    throw new FormatException($"line {lineNumber}: recurring events ({name}) are not supported; list each date's event");
            }
        }

        if (!sawCalendar)
            throw new FormatException("not an iCalendar: no BEGIN:VCALENDAR line");
        if (current is not null)
            throw new FormatException($"line {current.Line}: VEVENT has no END:VEVENT");
        return new HolidaySchedule(holidays, working);
    }

    /// <summary>Logical lines: a physical line starting with a space or tab continues the previous one (RFC 5545 §3.1).</summary>
    private static IEnumerable<(int Line, string Text)> Unfold(TextReader reader)
    {
        StringBuilder? pending = null;
        var pendingLine = 0;
        var number = 0;
        while (reader.ReadLine() is { } physical)
        {
            number++;
            if (number == 1 && physical.Length > 0 && physical[0] == '\uFEFF')
                physical = physical[1..];
            if (physical.Length > 0 && physical[0] is ' ' or '\t' && pending is not null)
            {
                pending.Append(physical, 1, physical.Length - 1);
                continue;
            }

            if (pending is not null)
                yield return (pendingLine, pending.ToString());
            pending = physical.Length == 0 ? null : new StringBuilder(physical);
            pendingLine = number;
        }

        if (pending is not null)
            yield return (pendingLine, pending.ToString());
    }

    /// <summary>Name (upper case), parameters (upper-case names) and raw value of a content line; quoted parameter values may hold ':' and ';'.</summary>
    private static (string Name, Dictionary<string, string> Parameters, string Value) Split(string line, int lineNumber)
    {
        var quoted = false;
        var colon = -1;
        for (var i = 0; i < line.Length && colon < 0; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) colon = i;
        }

        if (colon < 0)
            throw new FormatException($"line {lineNumber}: '{Shorten(line)}' is not a content line (NAME:value)");
        var head = line[..colon];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var fields = SplitOutsideQuotes(head, ';');
        for (var i = 1; i < fields.Count; i++)
        {
            var eq = fields[i].IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
                parameters[fields[i][..eq].Trim()] = fields[i][(eq + 1)..].Trim('"');
        }

        return (fields[0].Trim().ToUpperInvariant(), parameters, line[(colon + 1)..]);
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == separator && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static DateOnly ParseDate(Dictionary<string, string> parameters, string value, int lineNumber, string name)
    {
        var text = value.Trim();
        if (parameters.TryGetValue("VALUE", out var type) && !type.Equals("DATE", StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"line {lineNumber}: {name} must be an all-day date (VALUE=DATE, e.g. 20261001), not VALUE={type}");
        if (text.Contains('T', StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"line {lineNumber}: {name} '{text}' has a time of day; holidays must be all-day events ({name};VALUE=DATE:20261001)");
        if (!DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new FormatException($"line {lineNumber}: {name} '{text}' is not a date like 20261001");
        return date;
    }

    /// <summary>An all-day <c>DURATION</c>: <c>P7D</c> or <c>P1W</c> (a time part would not be all-day).</summary>
    private static int ParseDays(string value, int lineNumber)
    {
        var text = value.Trim().ToUpperInvariant();
        if (text.Length >= 3 && text[0] == 'P' && text[^1] is 'D' or 'W'
            && int.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
            return text[^1] == 'W' ? count * 7 : count;
        throw new FormatException($"line {lineNumber}: DURATION '{value.Trim()}' is not a whole number of days or weeks (e.g. P7D)");
    }

    /// <summary>A TEXT list split on commas that are not escaped, each item unescaped.</summary>
    private static IEnumerable<string> SplitList(string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\') i++;
            else if (value[i] == ',')
            {
                yield return Unescape(value[start..i]);
                start = i + 1;
            }
        }

        yield return Unescape(value[start..]);
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
            return value;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                text.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "…";

    private sealed class EventDraft(int line)
    {
        public int Line { get; } = line;
        public DateOnly? Start { get; set; }
        public DateOnly? End { get; set; }
        public int? Days { get; set; }
        public string Summary { get; set; } = "";
        public List<string> Categories { get; } = [];
        public bool Cancelled { get; set; }

        public void AddTo(List<DateOnly> holidays, List<DateOnly> working)
        {
            if (Cancelled)
                return;
            if (Start is not { } start)
                throw new FormatException($"line {Line}: VEVENT has no DTSTART");
            var end = End ?? start.AddDays(Days ?? 1);
            var days = end.DayNumber - start.DayNumber;
            if (days <= 0)
                throw new FormatException($"line {Line}: VEVENT ends ({end:yyyyMMdd}, exclusive) before it starts ({start:yyyyMMdd})");
            if (days > MaxEventDays)
                throw new FormatException($"line {Line}: VEVENT spans {days} days; at most {MaxEventDays} are accepted");
            var target = IsWorkingDay() ? working : holidays;
            for (var d = 0; d < days; d++)
                target.Add(start.AddDays(d));
        }

        private bool IsWorkingDay() =>
            Categories.Any(c => HolidaySchedule.WorkingDayCategories.Contains(c, StringComparer.OrdinalIgnoreCase))
            || HolidaySchedule.WorkingDaySummaryWords.Any(w => Summary.Contains(w, StringComparison.Ordinal));
    }
}
