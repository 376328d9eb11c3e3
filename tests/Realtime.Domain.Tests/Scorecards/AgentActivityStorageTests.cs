using System.Text.Json;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using static Realtime.Domain.Tests.Scorecards.AgentEvents;

namespace Realtime.Domain.Tests.Scorecards;

public class AgentActivityStorageTests
{
    private static readonly CompanyCalendar Calendar = CompanyCalendar.Default;

    /// <summary>A busy agent: 40 services a day with responses, a complaint, 10 surveys, a praise, 2 follow-ups; a quarter's ratings by both raters.</summary>
    private static AgentActivity Busy(int days, DateOnly last)
    {
        var random = new Random(7);
        var activity = new AgentActivity("agent-0042", Calendar);
        for (var d = 0; d < days; d++)
        {
            var date = last.AddDays(-d);
            DateTimeOffset T(int minute) => new(date.ToDateTime(new TimeOnly(9, 0)).AddMinutes(minute), China);
            for (var i = 0; i < 40; i++)
            {
                activity.Record(Service("agent-0042", T(i * 10), resolved: random.Next(10) < 8, responseSeconds: Math.Round(random.NextDouble() * 200, 1)));
            }

            activity.RecordComplaintAbout(T(30));
            activity.RecordFirstResponse(T(31), TimeSpan.FromSeconds(random.Next(30, 400)));
            for (var i = 0; i < 10; i++)
            {
                activity.Record(Survey("agent-0042", T(i * 40), random.Next(60, 101)));
            }

            activity.Record(Praise("agent-0042", T(300)));
            activity.Record(Followup("agent-0042", T(100), T(200)));
            activity.Record(Followup("agent-0042", T(100).AddDays(-2), T(220)));
        }

        foreach (var indicator in RubricDefaults.ManualIndicatorIds)
        {
            activity.Record(Rated("agent-0042", new DateTimeOffset(last.ToDateTime(new TimeOnly(10, 0)), China), indicator, 88, Rater.Supervisor));
            activity.Record(Rated("agent-0042", new DateTimeOffset(last.ToDateTime(new TimeOnly(11, 0)), China), indicator, 92, Rater.Self));
        }

        return activity;
    }

    [Theory]
    [InlineData(30, 4 * 1024)]
    [InlineData(90, 8 * 1024)]
    public void A_busy_history_serializes_within_its_budget(int days, int budgetBytes)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Busy(days, new DateOnly(2026, 12, 31)));

        Assert.True(json.Length <= budgetBytes, $"{days} days took {json.Length} bytes, budget {budgetBytes}.");
    }

    [Fact]
    public void A_loaded_90_day_history_holds_at_most_8_KiB_of_memory()
    {
        var busy = Busy(90, new DateOnly(2026, 12, 31));
        var (days, ratings) = (busy.Days, busy.Ratings);
        Assert.Equal(90, days.Count);
        Assert.Equal(2 * RubricDefaults.ManualIndicatorIds.Count, ratings.Count);
        _ = new AgentActivity(busy.AgentId, busy.TimeZoneId, busy.RetainedFrom, days, ratings);

        // What loading allocates, given the already-parsed days and ratings, is what the agent's grain keeps:
        // restoring sizes its arrays exactly, so there is no garbage in the count. Exact per thread, hence deterministic.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var loaded = new AgentActivity(busy.AgentId, busy.TimeZoneId, busy.RetainedFrom, days, ratings);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(bytes <= 8 * 1024, $"A loaded 90-day history holds {bytes} bytes, budget 8 KiB.");
        Assert.Equal(JsonSerializer.Serialize(busy), JsonSerializer.Serialize(loaded));
    }

    [Fact]
    public void Recording_into_a_day_that_already_has_a_bucket_allocates_nothing()
    {
        var activity = Busy(7, new DateOnly(2026, 12, 31));
        var at = new DateTimeOffset(2026, 12, 31, 15, 0, 0, China);
        FloorEvent[] events =
        [
            Service("agent-0042", at, resolved: true, responseSeconds: 42.5),
            Survey("agent-0042", at, 88),
            Praise("agent-0042", at),
            Followup("agent-0042", at.AddHours(-2), at),
        ];
        Record(activity, events, at);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Record(activity, events, at);
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, bytes);
        var today = activity.Totals(new(new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)));
        Assert.Equal((40 + 101, 1 + 101, 1 + 101), (today.ServicesHandled, today.Praises, today.ComplaintsAbout));

        static void Record(AgentActivity activity, FloorEvent[] events, DateTimeOffset at)
        {
            foreach (var e in events)
            {
                Assert.True(activity.Record(e));
            }

            Assert.True(activity.RecordComplaintAbout(at));
            Assert.True(activity.RecordFirstResponse(at, TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public void A_history_round_trips_through_json_with_the_same_scorecards()
    {
        var original = Busy(20, new DateOnly(2026, 11, 2));
        var now = new DateTimeOffset(2026, 11, 2, 18, 0, 0, China);

        var restored = JsonSerializer.Deserialize<AgentActivity>(JsonSerializer.Serialize(original))!;

        Assert.Equal(original.AgentId, restored.AgentId);
        Assert.Equal(JsonSerializer.Serialize(original), JsonSerializer.Serialize(restored));
        foreach (var window in ScorecardWindows.All)
        {
            foreach (var rater in new[] { Rater.Supervisor, Rater.Self })
            {
                var expected = AgentScorecard.Compute(original, window, now, Rubric.Default, Calendar, rater);
                var actual = AgentScorecard.Compute(restored, window, now, Rubric.Default, Calendar, rater);
                Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
                Assert.NotNull(actual.Total);
            }
        }
    }

    /// <summary>
    /// A state as the previous (object-per-day) implementation stored it: pruned to 2026-07-01, a full day, a day with
    /// only a praise (trailing zeros left out), a day with only a survey (zeros inside), ratings by both raters, one
    /// for an earlier quarter by <c>period</c>, instants in three offsets.
    /// </summary>
    private const string StoredByEarlierVersion =
        """{"agentId":"agent-7","timeZoneId":"Asia/Shanghai","retainedFrom":"2026-07-01","days":[["2026-09-30",3,1,1,352345,3,180.5,2,1,2,1],["2026-10-01",0,0,0,0,0,0,0,1],["2026-10-02",0,0,0,0,0,60.25,1]],"ratings":[["knowledge_test","supervisor","2026Q3",84,"2026-10-03T09:00:00+08:00"],["knowledge_test","self","2026Q3",91,"2026-09-29T09:00:00-05:00"],["sales_vs_target","supervisor","2026Q3",112.5,"2026-09-28T09:00:00+08:00"],["violations","supervisor","2026Q4",1,"2026-10-03T09:00:00+00:00"]]}""";

    [Fact]
    public void A_state_stored_by_the_earlier_version_loads_scores_the_same_and_is_written_back_unchanged()
    {
        var activity = JsonSerializer.Deserialize<AgentActivity>(StoredByEarlierVersion)!;

        Assert.Equal(StoredByEarlierVersion, JsonSerializer.Serialize(activity));
        Assert.Equal(new DateOnly(2026, 7, 1), activity.RetainedFrom);
        // Figures computed by the earlier version from the same state.
        var q3 = AgentScorecard.ComputeQuarter(activity, Quarter.Parse("2026Q3"), Rubric.Default);
        Assert.Equal(62.76923076923077, q3.Total);
        Assert.Equal(90.25, q3.Indicator(IndicatorIds.Satisfaction).Value);
        Assert.Equal(117.44833333333334, q3.Indicator(IndicatorIds.AvgResponseTime).Value);
        Assert.Equal(100.0 / 3, q3.Indicator(IndicatorIds.ComplaintRate).Value);
        Assert.Equal(84, q3.Indicator(IndicatorIds.KnowledgeTest).Value);
        Assert.Equal(112.5, q3.Indicator(IndicatorIds.SalesVsTarget).Value);
        var q3Self = AgentScorecard.ComputeQuarter(activity, Quarter.Parse("2026Q3"), Rubric.Default, Rater.Self);
        Assert.Equal(70.46153846153847, q3Self.Total);
        Assert.Equal(91, q3Self.Indicator(IndicatorIds.KnowledgeTest).Value);
        var sevenDays = AgentScorecard.Compute(activity, ScorecardWindow.Last7Days, new DateTimeOffset(2026, 10, 5, 12, 0, 0, China), Rubric.Default, Calendar);
        Assert.Equal(60.30769230769231, sevenDays.Total);
        Assert.Equal(2, sevenDays.Indicator(IndicatorIds.PraiseCount).Value);
        Assert.Equal(1, sevenDays.Indicator(IndicatorIds.Violations).Value);
        // A superseded rating is still refused after loading: the stored instant keeps its order.
        Assert.False(activity.Record(Rated("agent-7", new DateTimeOffset(2026, 10, 3, 8, 59, 0, China), IndicatorIds.KnowledgeTest, 10, period: "2026Q3")));
        Assert.False(activity.Record(Praise("agent-7", At(2026, 6, 30))));
    }

    [Fact]
    public void Counts_stored_in_exponent_form_still_load()
    {
        // The earlier writer formatted every counter as a double, which uses exponent form for very large sums.
        var json = StoredByEarlierVersion.Replace("[\"2026-09-30\",3,1,1,352345,", "[\"2026-09-30\",3E0,1,1,3.52345E+5,", StringComparison.Ordinal);
        Assert.NotEqual(StoredByEarlierVersion, json);

        var activity = JsonSerializer.Deserialize<AgentActivity>(json)!;

        Assert.Equal(StoredByEarlierVersion, JsonSerializer.Serialize(activity));
    }

    [Fact]
    public void Pruning_keeps_the_current_and_previous_quarter_and_then_refuses_older_events()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.Record(Praise("a1", At(2026, 6, 30, 23, 59, 59)));
        activity.Record(Praise("a1", At(2026, 7, 1, 0, 0, 0)));
        activity.Record(Rated("a1", At(2026, 6, 1), IndicatorIds.KnowledgeTest, 90));
        activity.Record(Rated("a1", At(2026, 8, 1), IndicatorIds.KnowledgeTest, 90));

        Assert.True(activity.Prune(At(2026, 11, 2)));

        Assert.Equal([new DateOnly(2026, 7, 1)], activity.Days.Select(d => d.Date));
        Assert.Equal([Quarter.Parse("2026Q3")], activity.Ratings.Select(r => r.Quarter));
        Assert.False(activity.Record(Praise("a1", At(2026, 6, 15))));
        Assert.True(activity.Record(Praise("a1", At(2026, 7, 15))));
    }

    [Fact]
    public void History_never_grows_beyond_its_day_cap()
    {
        var activity = new AgentActivity("a1", Calendar);
        for (var d = 0; d < AgentActivity.MaxRetainedDays + 50; d++)
        {
            activity.Record(Praise("a1", At(2026, 1, 1).AddDays(d)));
        }

        Assert.Equal(AgentActivity.MaxRetainedDays, activity.Days.Count);
        Assert.Equal(activity.Days[0].Date, activity.RetainedFrom);
    }

    [Fact]
    public void At_the_day_cap_a_late_event_between_kept_days_drops_the_oldest_and_one_before_them_all_is_refused()
    {
        var activity = new AgentActivity("a1", Calendar);
        var first = At(2026, 1, 1);
        // Every other day, so that there are gaps to land in.
        for (var d = 0; d < AgentActivity.MaxRetainedDays; d++)
        {
            activity.Record(Praise("a1", first.AddDays(2 * d)));
        }

        Assert.Null(activity.RetainedFrom);
        Assert.True(activity.Record(Praise("a1", first.AddDays(3))));

        Assert.Equal(AgentActivity.MaxRetainedDays, activity.Days.Count);
        Assert.Equal(
            [new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 5)],
            activity.Days.Take(3).Select(d => d.Date));
        Assert.Equal(new DateOnly(2026, 1, 3), activity.RetainedFrom);
        Assert.False(activity.Record(Praise("a1", first)));
        Assert.Equal(2, activity.Totals(new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 4))).Praises);

        // Full and never pruned: a day older than every kept one is refused, and the horizon moves to the oldest kept.
        var full = new AgentActivity("a1", Calendar);
        for (var d = 1; d <= AgentActivity.MaxRetainedDays; d++)
        {
            full.Record(Praise("a1", first.AddDays(d)));
        }

        Assert.False(full.Record(Praise("a1", first)));
        Assert.Equal(new DateOnly(2026, 1, 2), full.RetainedFrom);
        Assert.Equal(AgentActivity.MaxRetainedDays, full.Days.Count);
    }
}
