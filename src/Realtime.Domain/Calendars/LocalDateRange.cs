namespace Realtime.Domain.Calendars;

/// <summary>An inclusive range of local dates in the company calendar, <see cref="First"/> to <see cref="Last"/>.</summary>
/// <param name="First">The first local date in the range.</param>
/// <param name="Last">The last local date in the range (inclusive); never before <paramref name="First"/>.</param>
public readonly record struct LocalDateRange(DateOnly First, DateOnly Last)
{
    /// <summary>True when <paramref name="date"/> lies in the range (both ends inclusive).</summary>
    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>The range covering the whole of <paramref name="quarter"/>.</summary>
    public static LocalDateRange Of(Quarter quarter) => new(quarter.FirstDay, quarter.LastDay);
}
