using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Realtime.Domain.Calendars;

/// <summary>
/// A calendar quarter, e.g. <c>2026Q3</c> (July–September 2026). Dates only: the instants at which it
/// starts and ends depend on the company zone, see <see cref="Start"/> and <see cref="End"/>.
/// Serialized as its string form (<c>"2026Q3"</c>).
/// </summary>
[JsonConverter(typeof(QuarterJsonConverter))]
public readonly record struct Quarter : IComparable<Quarter>
{
    /// <summary>Creates quarter <paramref name="number"/> (1–4) of <paramref name="year"/> (1–9999).</summary>
    public Quarter(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        Year = year;
        Number = number;
    }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>1 to 4.</summary>
    public int Number { get; }

    /// <summary>The first local date of the quarter.</summary>
    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    /// <summary>The last local date of the quarter (inclusive).</summary>
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>The quarter containing local date <paramref name="date"/>.</summary>
    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    /// <summary>The quarter after this one.</summary>
    public Quarter Next() => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    /// <summary>The quarter before this one.</summary>
    public Quarter Previous() => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    /// <summary>True when local date <paramref name="date"/> is in this quarter.</summary>
    public bool Contains(DateOnly date) => Of(date) == this;

    /// <summary>The first instant of the quarter in <paramref name="calendar"/>'s zone.</summary>
    public DateTimeOffset Start(CompanyCalendar calendar) => calendar.StartOf(this);

    /// <summary>The exclusive end instant (start of the next quarter) in <paramref name="calendar"/>'s zone.</summary>
    public DateTimeOffset End(CompanyCalendar calendar) => calendar.EndOf(this);

    /// <summary>Parses the strict form <c>yyyyQn</c> (four-digit year, capital Q, 1–4), e.g. <c>2026Q3</c>.</summary>
    /// <exception cref="FormatException">Not in that form.</exception>
    public static Quarter Parse(string text) =>
        TryParse(text, out var quarter) ? quarter : throw new FormatException($"'{text}' is not a quarter like 2026Q3.");

    /// <summary>Parses the strict form <c>yyyyQn</c>; false for anything else (no spaces, no lower-case q).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 6 } || text[4] != 'Q' || text[5] is < '1' or > '4')
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            return false;
        }

        quarter = new Quarter(year, text[5] - '0');
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    /// <summary>True when <paramref name="left"/> is earlier.</summary>
    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is later.</summary>
    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is earlier or the same.</summary>
    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is later or the same.</summary>
    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    /// <summary>The wire form, e.g. <c>2026Q3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}Q{Number}");
}
