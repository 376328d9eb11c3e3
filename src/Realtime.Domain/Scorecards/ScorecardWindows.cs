using System.Diagnostics.CodeAnalysis;
using Realtime.Domain.Calendars;

namespace Realtime.Domain.Scorecards;

/// <summary>Wire names and local-date ranges of <see cref="ScorecardWindow"/>.</summary>
public static class ScorecardWindows
{
    /// <summary>Every window, in display order.</summary>
    public static IReadOnlyList<ScorecardWindow> All { get; } = [ScorecardWindow.Today, ScorecardWindow.Last7Days, ScorecardWindow.QuarterToDate];

    /// <summary>The wire name: <c>today</c>, <c>7d</c> or <c>qtd</c>.</summary>
    public static string ToWireName(this ScorecardWindow window) => window switch
    {
        ScorecardWindow.Today => "today",
        ScorecardWindow.Last7Days => "7d",
        ScorecardWindow.QuarterToDate => "qtd",
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    /// <summary>Parses a wire name (exact, lower case); false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out ScorecardWindow window)
    {
        switch (name)
        {
            case "today": window = ScorecardWindow.Today; return true;
            case "7d": window = ScorecardWindow.Last7Days; return true;
            case "qtd": window = ScorecardWindow.QuarterToDate; return true;
            default: window = default; return false;
        }
    }

    /// <summary>The local dates the window covers at instant <paramref name="now"/>, ending with today.</summary>
    public static LocalDateRange DaysAt(this ScorecardWindow window, DateTimeOffset now, CompanyCalendar calendar)
    {
        var today = calendar.DateOf(now);
        return window switch
        {
            ScorecardWindow.Today => new(today, today),
            ScorecardWindow.Last7Days => new(today.AddDays(-6), today),
            ScorecardWindow.QuarterToDate => new(Quarter.Of(today).FirstDay, today),
            _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
        };
    }
}
