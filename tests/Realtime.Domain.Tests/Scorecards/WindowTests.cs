using Realtime.Domain.Calendars;
using Realtime.Domain.Scorecards;
using static Realtime.Domain.Tests.Scorecards.AgentEvents;

namespace Realtime.Domain.Tests.Scorecards;

public class WindowTests
{
    private static readonly CompanyCalendar Calendar = CompanyCalendar.Default;

    private static double? Praise(AgentActivity activity, ScorecardWindow window, DateTimeOffset now) =>
        AgentScorecard.Compute(activity, window, now, Rubric.Default, Calendar).Indicator(IndicatorIds.PraiseCount).Value;

    [Fact]
    public void Today_rolls_over_at_midnight_in_Shanghai()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.Record(AgentEvents.Praise("a1", At(2026, 11, 2, 23, 59, 59)));

        Assert.Equal(1, Praise(activity, ScorecardWindow.Today, At(2026, 11, 2, 23, 59, 59)));
        Assert.Null(Praise(activity, ScorecardWindow.Today, At(2026, 11, 3, 0, 0, 0)));
        Assert.Equal(1, Praise(activity, ScorecardWindow.Last7Days, At(2026, 11, 3, 0, 0, 0)));
        // Midnight in Shanghai is 16:00 UTC the day before.
        Assert.Null(Praise(activity, ScorecardWindow.Today, new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Seven_days_include_today_and_the_six_days_before()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.Record(AgentEvents.Praise("a1", At(2026, 11, 1, 0, 0, 0)));
        activity.Record(AgentEvents.Praise("a1", At(2026, 11, 7, 23, 59, 59)));

        var card = AgentScorecard.Compute(activity, ScorecardWindow.Last7Days, At(2026, 11, 7, 23, 59, 59), Rubric.Default, Calendar);
        Assert.Equal(2, card.Indicator(IndicatorIds.PraiseCount).Value);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7)), (card.From, card.To));
        Assert.Equal(1, Praise(activity, ScorecardWindow.Last7Days, At(2026, 11, 8, 0, 0, 0)));
    }

    [Fact]
    public void Quarter_to_date_restarts_at_the_quarter_boundary()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.Record(AgentEvents.Praise("a1", At(2026, 7, 1, 0, 0, 0)));
        activity.Record(AgentEvents.Praise("a1", At(2026, 9, 30, 23, 59, 59)));
        activity.Record(Rated("a1", At(2026, 9, 15), IndicatorIds.KnowledgeTest, 95));

        var lastSecondOfQ3 = AgentScorecard.Compute(activity, ScorecardWindow.QuarterToDate, At(2026, 9, 30, 23, 59, 59), Rubric.Default, Calendar);
        var firstSecondOfQ4 = AgentScorecard.Compute(activity, ScorecardWindow.QuarterToDate, At(2026, 10, 1, 0, 0, 0), Rubric.Default, Calendar);

        Assert.Equal(2, lastSecondOfQ3.Indicator(IndicatorIds.PraiseCount).Value);
        Assert.Equal(95, lastSecondOfQ3.Indicator(IndicatorIds.KnowledgeTest).Value);
        Assert.Equal(Quarter.Parse("2026Q4"), firstSecondOfQ4.Quarter);
        Assert.Null(firstSecondOfQ4.Indicator(IndicatorIds.PraiseCount).Value);
        Assert.Null(firstSecondOfQ4.Indicator(IndicatorIds.KnowledgeTest).Value);
        Assert.Null(firstSecondOfQ4.Total);
    }

    [Fact]
    public void A_whole_quarter_scorecard_covers_every_day_of_the_quarter()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.Record(AgentEvents.Praise("a1", At(2026, 7, 1, 0, 0, 0)));
        activity.Record(AgentEvents.Praise("a1", At(2026, 9, 30, 23, 59, 59)));
        activity.Record(AgentEvents.Praise("a1", At(2026, 10, 1, 0, 0, 0)));

        var q3 = AgentScorecard.ComputeQuarter(activity, Quarter.Parse("2026Q3"), Rubric.Default);

        Assert.Null(q3.Window);
        Assert.Equal(2, q3.Indicator(IndicatorIds.PraiseCount).Value);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (q3.From, q3.To));
    }

    [Fact]
    public void Out_of_order_events_land_in_their_own_day()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.Record(AgentEvents.Praise("a1", At(2026, 11, 3, 9)));
        activity.Record(AgentEvents.Praise("a1", At(2026, 11, 1, 9)));

        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3)], activity.Days.Select(d => d.Date));
        Assert.Equal(1, Praise(activity, ScorecardWindow.Today, At(2026, 11, 3, 18)));
    }

    [Fact]
    public void The_latest_rating_of_the_quarter_counts_by_when_it_happened()
    {
        var activity = new AgentActivity("a1", Calendar);
        Assert.True(activity.Record(Rated("a1", At(2026, 11, 20), IndicatorIds.KnowledgeTest, 85)));
        Assert.False(activity.Record(Rated("a1", At(2026, 11, 10), IndicatorIds.KnowledgeTest, 60)));
        Assert.True(activity.Record(Rated("a1", At(2026, 12, 1), IndicatorIds.SalesVsTarget, 130, period: "2026Q3")));

        Assert.Equal(85, activity.LatestRating(IndicatorIds.KnowledgeTest, Events.Rater.Supervisor, Quarter.Parse("2026Q4")));
        Assert.Equal(130, activity.LatestRating(IndicatorIds.SalesVsTarget, Events.Rater.Supervisor, Quarter.Parse("2026Q3")));
        Assert.Null(activity.LatestRating(IndicatorIds.SalesVsTarget, Events.Rater.Supervisor, Quarter.Parse("2026Q4")));
        Assert.True(activity.HasRatings(Quarter.Parse("2026Q3")));
        Assert.True(activity.HasRatings(Quarter.Parse("2026Q4")));
        Assert.False(activity.HasRatings(Quarter.Parse("2027Q1")));
    }

    [Fact]
    public void Events_of_other_agents_and_unknown_indicators_are_ignored()
    {
        var activity = new AgentActivity("a1", Calendar);

        Assert.False(activity.Record(AgentEvents.Praise("a2", At(2026, 11, 2))));
        Assert.False(activity.Record(Rated("a1", At(2026, 11, 2), "charisma", 90)));
        Assert.False(activity.Record(Rated("a1", At(2026, 11, 2), IndicatorIds.Satisfaction, 90)));
        Assert.Empty(activity.Days);
        Assert.Empty(activity.Ratings);
    }

    [Fact]
    public void A_history_reckoned_in_another_zone_is_refused()
    {
        var activity = new AgentActivity("a1", new CompanyCalendar("UTC"));

        Assert.Throws<ArgumentException>(() => AgentScorecard.Compute(activity, ScorecardWindow.Today, At(2026, 11, 2), Rubric.Default, Calendar));
    }
}
