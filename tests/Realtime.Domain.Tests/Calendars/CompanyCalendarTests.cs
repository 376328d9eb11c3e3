using Realtime.Domain.Calendars;

namespace Realtime.Domain.Tests.Calendars;

/// <summary>
/// <see cref="CompanyCalendar.DateOf"/> answers from a cache of local days; these compare it with the zone's own conversion
/// instant by instant, in zones with and without daylight saving, in every order the cache could be filled in.
/// </summary>
public class CompanyCalendarTests
{
    public static TheoryData<string> Zones => new()
    {
        "Asia/Shanghai",
        // Daylight saving at 02:00 local (spring forward, fall back): days of 23 and 25 hours.
        "Europe/Berlin",
        // Transitions at local midnight: in September midnight does not exist, in April the date runs backwards for an hour.
        "America/Santiago",
        // A half-hour daylight shift.
        "Australia/Lord_Howe",
    };

    [Theory]
    [MemberData(nameof(Zones))]
    public void Every_instant_of_a_year_falls_on_the_zone_s_own_date_in_time_order(string zoneId)
    {
        var calendar = new CompanyCalendar(zoneId);

        foreach (var instant in Instants(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), days: 366, step: TimeSpan.FromMinutes(7)))
        {
            Assert.Equal(Expected(calendar.Zone, instant), calendar.DateOf(instant));
        }
    }

    [Theory]
    [InlineData("Europe/Berlin", 2025, 2027)]
    [InlineData("America/Santiago", 2025, 2027)]
    [InlineData("Australia/Lord_Howe", 2025, 2027)]
    // China kept daylight saving from 1986 to 1991: the same cache must not hide it.
    [InlineData("Asia/Shanghai", 1986, 1991)]
    public void Instants_around_each_transition_fall_on_the_zone_s_own_date_in_any_order(string zoneId, int firstYear, int lastYear)
    {
        var calendar = new CompanyCalendar(zoneId);
        var instants = Transitions(calendar.Zone, firstYear, lastYear)
            .SelectMany(t => new[] { -1L, 0, 1 }.SelectMany(tick => Offsets().Select(o => t + o + TimeSpan.FromTicks(tick))))
            .ToArray();
        Assert.NotEmpty(instants);
        new Random(7).Shuffle(instants);

        // Twice: the first pass fills the cache from wherever the shuffle starts, the second reads what it kept.
        foreach (var instant in instants.Concat(instants))
        {
            Assert.Equal(Expected(calendar.Zone, instant), calendar.DateOf(instant));
        }
    }

    [Fact]
    public void Berlin_spring_and_autumn_days_end_at_their_own_midnights()
    {
        var calendar = new CompanyCalendar("Europe/Berlin");

        // 29 March 2026: clocks go from 02:00 to 03:00; the day starts at 23:00Z (UTC+1) and ends at 22:00Z (UTC+2).
        Assert.Equal(new DateOnly(2026, 3, 28), calendar.DateOf(new DateTimeOffset(2026, 3, 28, 22, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 29), calendar.DateOf(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 29), calendar.DateOf(new DateTimeOffset(2026, 3, 29, 21, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 30), calendar.DateOf(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero)));
        // 25 October 2026: 03:00 goes back to 02:00; the day runs from 22:00Z to 23:00Z the next day.
        Assert.Equal(new DateOnly(2026, 10, 25), calendar.DateOf(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 10, 25), calendar.DateOf(new DateTimeOffset(2026, 10, 25, 22, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 10, 26), calendar.DateOf(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(calendar.StartOfDay(new DateOnly(2026, 10, 26)), new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Shanghai_days_start_at_16_00_UTC_on_the_previous_day()
    {
        var calendar = CompanyCalendar.Default;

        Assert.Equal(new DateOnly(2026, 6, 30), calendar.DateOf(new DateTimeOffset(2026, 6, 30, 15, 59, 59, TimeSpan.Zero).AddTicks(9_999_999)));
        Assert.Equal(new DateOnly(2026, 7, 1), calendar.DateOf(new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 7, 1), calendar.DateOf(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8))));
        // The instant's own offset does not matter, only the instant.
        Assert.Equal(new DateOnly(2026, 7, 1), calendar.DateOf(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.FromHours(-4))));
        Assert.Equal(new DateOnly(2026, 6, 30), calendar.DateOf(new DateTimeOffset(2026, 6, 30, 11, 59, 59, TimeSpan.FromHours(-4))));
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public async Task Threads_sharing_one_calendar_all_get_the_zone_s_own_dates(string zoneId)
    {
        var calendar = new CompanyCalendar(zoneId);
        var instants = Instants(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), days: 60, step: TimeSpan.FromMinutes(13))
            .Concat(Transitions(calendar.Zone, 2026, 2026).SelectMany(t => Offsets().Select(o => t + o)))
            .ToArray();
        var expected = instants.Select(i => Expected(calendar.Zone, i)).ToArray();

        // Each thread walks the instants in its own order, so cache slots are replaced under the others' reads.
        var mismatches = await Task.WhenAll(Enumerable.Range(0, 4).Select(seed => Task.Run(() =>
        {
            var order = Enumerable.Range(0, instants.Length).ToArray();
            new Random(seed).Shuffle(order);
            return order.Count(i => calendar.DateOf(instants[i]) != expected[i]);
        })));

        Assert.All(mismatches, m => Assert.Equal(0, m));
    }

    private static DateOnly Expected(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static IEnumerable<DateTimeOffset> Instants(DateTimeOffset from, int days, TimeSpan step)
    {
        for (var t = from; t < from.AddDays(days); t += step) yield return t;
    }

    private static IEnumerable<TimeSpan> Offsets()
    {
        for (var minutes = -26 * 60; minutes <= 26 * 60; minutes += 30) yield return TimeSpan.FromMinutes(minutes);
    }

    /// <summary>The instants (whole minutes) at which the zone's offset changes in the given years, found by scanning.</summary>
    private static IEnumerable<DateTimeOffset> Transitions(TimeZoneInfo zone, int firstYear, int lastYear)
    {
        var t = new DateTimeOffset(firstYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(lastYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var offset = zone.GetUtcOffset(t);
        for (; t < end; t = t.AddMinutes(30))
        {
            var next = zone.GetUtcOffset(t.AddMinutes(30));
            if (next == offset) continue;
            var at = t;
            while (zone.GetUtcOffset(at) == offset) at = at.AddMinutes(1);
            yield return at;
            offset = next;
        }
    }
}
