using Realtime.Domain.Calendars;
using Realtime.Domain.Cases;

namespace Realtime.Domain.Tests.Cases;

public class CaseClockTallyTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    [Fact]
    public void A_window_sums_the_outcomes_of_its_days_per_clock()
    {
        var tally = new CaseClockTally();
        tally.Record("surveyAcceptance", Day, met: true);
        tally.Record("surveyAcceptance", Day, met: true);
        tally.Record("surveyAcceptance", Day.AddDays(-1), met: false);
        tally.Record("smallClaimClosure", Day.AddDays(-8), met: false);

        Assert.Equal([new CaseClockKpi("surveyAcceptance", 2, 0, 100)], tally.Kpis(new LocalDateRange(Day, Day)));
        Assert.Equal([new CaseClockKpi("surveyAcceptance", 2, 1, 66.7)], tally.Kpis(new LocalDateRange(Day.AddDays(-6), Day)));
        Assert.Equal(
            [new CaseClockKpi("smallClaimClosure", 0, 1, 0), new CaseClockKpi("surveyAcceptance", 2, 1, 66.7)],
            tally.Kpis(new LocalDateRange(Day.AddDays(-30), Day)));
    }

    [Fact]
    public void Days_older_than_the_kept_span_are_dropped()
    {
        var tally = new CaseClockTally();
        tally.Record("surveyAcceptance", Day.AddDays(-CaseClockTally.KeptDays - 1), met: true);
        tally.Record("surveyAcceptance", Day, met: true);

        Assert.Equal([Day], tally.Days.Keys);
    }

    [Fact]
    public void A_tally_round_trips_through_json_as_grains_store_it()
    {
        var tally = new CaseClockTally();
        tally.Record("surveyAcceptance", Day, met: false);
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);

        var back = System.Text.Json.JsonSerializer.Deserialize<CaseClockTally>(System.Text.Json.JsonSerializer.Serialize(tally, options), options)!;

        Assert.Equal([new CaseClockKpi("surveyAcceptance", 0, 1, 0)], back.Kpis(new LocalDateRange(Day, Day)));
    }
}
