using System.Globalization;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// A server whose resolution clock (8 working hours) counts in the calendar <c>shift</c>: every day, the three hours from
/// an hour before the server starts (Asia/Shanghai wall clock) to two hours after. Whenever the tests run, now is inside
/// working hours and the period ends long before the clock falls due, some days later.
/// </summary>
public sealed class WorkingNowServer : RealtimeServer
{
    /// <summary>The resolution clock's target in working time.</summary>
    public static readonly TimeSpan ResolutionTarget = TimeSpan.FromHours(8);

    /// <summary>A server with the 6-second first-response target and the <c>shift</c> calendar on the resolution clock.</summary>
    public WorkingNowServer()
        : base(FirstResponseTarget, Environment())
    {
    }

    private static Dictionary<string, string> Environment()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).TimeOfDay;
        var minute = TimeSpan.FromMinutes(Math.Floor(local.TotalMinutes));
        var start = minute - TimeSpan.FromHours(1);
        var end = minute + TimeSpan.FromHours(2);
        var day = TimeSpan.FromDays(1);
        // A shift across midnight is two periods of every day, the evening one touching the next morning's.
        string[] hours = start < TimeSpan.Zero ? [Period(TimeSpan.Zero, end), Period(start + day, day)]
            : end > day ? [Period(TimeSpan.Zero, end - day), Period(start, day)]
            : [Period(start, end)];
        var environment = new Dictionary<string, string>
        {
            ["Calendars__shift__TimeZone"] = "Asia/Shanghai",
            ["Sla__Clocks__resolution__Calendar"] = "shift",
            ["Sla__Clocks__resolution__Target"] = ResolutionTarget.ToString("c", CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < hours.Length; i++) environment[$"Calendars__shift__WorkingHours__{i}"] = hours[i];
        foreach (var (weekday, i) in Enum.GetValues<DayOfWeek>().Select((d, i) => (d, i)))
            environment[$"Calendars__shift__WorkingWeekdays__{i}"] = weekday.ToString();
        return environment;
    }

    private static string Period(TimeSpan start, TimeSpan end) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)start.TotalHours:D2}:{start.Minutes:D2}-{(int)end.TotalHours:D2}:{end.Minutes:D2}");
}
