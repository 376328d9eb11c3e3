using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Realtime.Domain.Calendars;

/// <summary>
/// One span of working hours within a working day, in wall-clock time of the calendar's zone, e.g. <c>09:00-12:00</c>.
/// A day with a lunch break has two (split shifts). <see cref="End"/> may be <c>24:00</c>, the next local midnight.
/// </summary>
/// <param name="Start">Wall-clock time of day at which the period starts (inclusive), from 00:00 up to before <paramref name="End"/>.</param>
/// <param name="End">Wall-clock time of day at which the period ends (exclusive), after <paramref name="Start"/>, at most 24:00.</param>
public readonly record struct WorkingPeriod(TimeSpan Start, TimeSpan End)
{
    private static readonly TimeSpan Midnight = TimeSpan.FromHours(24);

    /// <inheritdoc cref="WorkingPeriod" path="/param[@name='Start']"/>
    public TimeSpan Start { get; init; } = Start >= TimeSpan.Zero && Start < Midnight && Start.Ticks % TimeSpan.TicksPerSecond == 0
        ? Start : throw new ArgumentOutOfRangeException(nameof(Start), Start, "A working period starts at a whole second from 00:00 to before 24:00.");

    /// <inheritdoc cref="WorkingPeriod" path="/param[@name='End']"/>
    public TimeSpan End { get; init; } = End > Start && End <= Midnight && End.Ticks % TimeSpan.TicksPerSecond == 0
        ? End : throw new ArgumentOutOfRangeException(nameof(End), End, "A working period ends at a whole second after its start, at most 24:00.");

    /// <summary>The wall-clock length of the period (a daylight-saving change inside it makes the real length differ).</summary>
    public TimeSpan Length => End - Start;

    /// <summary>Parses <c>HH:mm-HH:mm</c> (seconds optional, <c>HH:mm:ss</c>; end may be <c>24:00</c>), e.g. <c>13:30-18:00</c>.</summary>
    /// <exception cref="FormatException">Not in that form, or the end is not after the start; the message says which.</exception>
    public static WorkingPeriod Parse(string text) =>
        TryParse(text, out var period, out var problem) ? period : throw new FormatException($"'{text}': {problem}");

    /// <summary>Parses <c>HH:mm-HH:mm</c>; false with a short reason (e.g. <c>end before start</c>) when it cannot.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out WorkingPeriod period, [NotNullWhen(false)] out string? problem)
    {
        period = default;
        var parts = text?.Split('-') ?? [];
        if (parts.Length != 2)
        {
            problem = "expected a period like 09:00-12:00";
            return false;
        }

        if (!TryParseTime(parts[0], allowMidnightEnd: false, out var start))
        {
            problem = $"start '{parts[0].Trim()}' is not a time of day like 09:00";
            return false;
        }

        if (!TryParseTime(parts[1], allowMidnightEnd: true, out var end))
        {
            problem = $"end '{parts[1].Trim()}' is not a time of day like 18:00 (or 24:00)";
            return false;
        }

        if (end < start)
        {
            problem = "end before start";
            return false;
        }

        if (end == start)
        {
            problem = "empty period (end equals start)";
            return false;
        }

        period = new WorkingPeriod(start, end);
        problem = null;
        return true;
    }

    /// <summary>The configuration form, e.g. <c>09:00-12:00</c> (seconds shown only when not zero).</summary>
    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan time) => time.Seconds == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:D2}:{time.Minutes:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:D2}:{time.Minutes:D2}:{time.Seconds:D2}");

    private static bool TryParseTime(string text, bool allowMidnightEnd, out TimeSpan time)
    {
        time = default;
        var fields = text.Trim().Split(':');
        if (fields.Length is < 2 or > 3 || fields.Any(f => f.Length != 2 || !f.All(char.IsAsciiDigit)))
            return false;
        var hours = int.Parse(fields[0], CultureInfo.InvariantCulture);
        var minutes = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var seconds = fields.Length == 3 ? int.Parse(fields[2], CultureInfo.InvariantCulture) : 0;
        if (minutes > 59 || seconds > 59)
            return false;
        if (hours == 24 && allowMidnightEnd && minutes == 0 && seconds == 0)
        {
            time = Midnight;
            return true;
        }

        if (hours > 23)
            return false;
        time = new TimeSpan(hours, minutes, seconds);
        return true;
    }
}
