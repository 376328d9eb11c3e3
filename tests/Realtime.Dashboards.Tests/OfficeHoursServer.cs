using System.Globalization;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// A server whose resolution clock (8 working hours) counts in the calendar <c>office</c>, for which yesterday through
/// the day after tomorrow (Asia/Shanghai) are holidays: whatever the wall clock says when the tests run, now is outside
/// working hours, and counting resumes at 09:00 on the next working day after them.
/// </summary>
public sealed class OfficeHoursServer : RealtimeServer
{
    /// <summary>The resolution clock's target in working time.</summary>
    public static readonly TimeSpan ResolutionTarget = TimeSpan.FromHours(8);

    /// <summary>A server with the 6-second first-response target and the <c>office</c> calendar on the resolution clock.</summary>
    public OfficeHoursServer()
        : base(FirstResponseTarget, Environment())
    {
    }

    private static Dictionary<string, string> Environment()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        // Four days around today: a run that crosses midnight, or a slow start, is still on a holiday.
        var holidays = $"{Iso(today.AddDays(-1))}..{Iso(today.AddDays(2))}";
        return new()
        {
            ["Calendars__office__TimeZone"] = "Asia/Shanghai",
            ["Calendars__office__WorkingHours__0"] = "09:00-12:00",
            ["Calendars__office__WorkingHours__1"] = "13:30-18:00",
            ["Calendars__office__Holidays__0"] = holidays,
            ["Sla__Clocks__resolution__Calendar"] = "office",
            ["Sla__Clocks__resolution__Target"] = ResolutionTarget.ToString("c", CultureInfo.InvariantCulture),
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
