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
}
