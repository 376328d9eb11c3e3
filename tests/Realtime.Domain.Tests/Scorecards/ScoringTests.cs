using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using static Realtime.Domain.Tests.Scorecards.AgentEvents;

namespace Realtime.Domain.Tests.Scorecards;

public class ScoringTests
{
    private static readonly CompanyCalendar Calendar = CompanyCalendar.Default;
    private static readonly DateTimeOffset Now = At(2026, 11, 2, 18);

    /// <summary>domain.md's worked example: survey 85, complaint rate 2.5 %, FCR 75 %, response 30 s, 3 praises.</summary>
    private static AgentActivity WorkedExample()
    {
        var activity = new AgentActivity("a1", Calendar);
        for (var i = 0; i < 40; i++)
        {
            activity.Record(Service("a1", At(2026, 11, 2, 9, i), resolved: i < 30, responseSeconds: 30));
        }

        activity.RecordComplaintAbout(At(2026, 11, 2, 10));
        activity.Record(Survey("a1", At(2026, 11, 2, 11), 85));
        for (var i = 0; i < 3; i++)
        {
            activity.Record(Praise("a1", At(2026, 11, 2, 12, i)));
        }

        return activity;
    }

    [Fact]
    public void The_worked_example_scores_88_over_customer_satisfaction_alone()
    {
        var card = AgentScorecard.Compute(WorkedExample(), ScorecardWindow.Today, Now, Rubric.Default, Calendar);

        Assert.Equal((85.0, Band.Good, 80.0), Graded(card, IndicatorIds.Satisfaction));
        Assert.Equal((2.5, Band.Excellent, 100.0), Graded(card, IndicatorIds.ComplaintRate));
        Assert.Equal((75.0, Band.Good, 80.0), Graded(card, IndicatorIds.FirstContactResolution));
        Assert.Equal((30.0, Band.Excellent, 100.0), Graded(card, IndicatorIds.AvgResponseTime));
        Assert.Equal((3.0, Band.Good, 80.0), Graded(card, IndicatorIds.PraiseCount));
        Assert.Equal(88, card.Dimension(DimensionIds.CustomerSatisfaction).Score!.Value, 9);
        Assert.Equal(88, card.Total!.Value, 9);
        Assert.Equal([DimensionIds.CustomerSatisfaction], card.CoveredDimensions);
        Assert.Null(card.Dimension(DimensionIds.BusinessAbility).Score);
        Assert.Null(card.Dimension(DimensionIds.BusinessAbility).EffectiveWeight);
        Assert.Equal(1, card.Dimension(DimensionIds.CustomerSatisfaction).EffectiveWeight);
    }

    [Fact]
    public void Weights_are_renormalised_over_the_dimensions_with_data()
    {
        var activity = WorkedExample();
        activity.Record(Rated("a1", At(2026, 10, 15), IndicatorIds.KnowledgeTest, 95));
        activity.Record(Rated("a1", At(2026, 10, 15), IndicatorIds.SalesVsTarget, 90));

        var card = AgentScorecard.Compute(activity, ScorecardWindow.Today, Now, Rubric.Default, Calendar);

        // Business ability: mean of excellent (100) and pass (60) = 80; the other three indicators have no data.
        Assert.Equal(80, card.Dimension(DimensionIds.BusinessAbility).Score!.Value, 9);
        Assert.Equal((40 * 88 + 25 * 80) / 65.0, card.Total!.Value, 9);
        Assert.Equal([DimensionIds.CustomerSatisfaction, DimensionIds.BusinessAbility], card.CoveredDimensions);
        Assert.Equal(25 / 65.0, card.Dimension(DimensionIds.BusinessAbility).EffectiveWeight!.Value, 9);
        Assert.Null(card.Indicator(IndicatorIds.ClaimsAccuracy).Value);
    }

    [Fact]
    public void An_agent_without_data_has_no_score_rather_than_zero()
    {
        var card = AgentScorecard.Compute(new AgentActivity("a1", Calendar), ScorecardWindow.QuarterToDate, Now, Rubric.Default, Calendar);

        Assert.All(card.Indicators, i =>
        {
            Assert.Null(i.Value);
            Assert.Null(i.Band);
            Assert.Null(i.Points);
        });
        Assert.All(card.Dimensions, d => Assert.Null(d.Score));
        Assert.Null(card.Total);
        Assert.Empty(card.CoveredDimensions);
    }

    [Fact]
    public void Zero_is_data_when_the_agent_worked()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.Record(Service("a1", At(2026, 11, 2, 9)));

        var card = AgentScorecard.Compute(activity, ScorecardWindow.Today, Now, Rubric.Default, Calendar);

        Assert.Equal((0.0, Band.Excellent, 100.0), Graded(card, IndicatorIds.ComplaintRate));
        Assert.Equal((0.0, Band.Fail, 0.0), Graded(card, IndicatorIds.FirstContactResolution));
        Assert.Equal((0.0, Band.Fail, 0.0), Graded(card, IndicatorIds.PraiseCount));
        Assert.Null(card.Indicator(IndicatorIds.Satisfaction).Value);
        Assert.Null(card.Indicator(IndicatorIds.AvgResponseTime).Value);
        Assert.Equal(100 / 3.0, card.Total!.Value, 9);
    }

    [Fact]
    public void A_complaint_rate_needs_services_handled()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.RecordComplaintAbout(At(2026, 11, 2, 9));
        activity.RecordFirstResponse(At(2026, 11, 2, 9, 3), TimeSpan.FromMinutes(3));

        var card = AgentScorecard.Compute(activity, ScorecardWindow.Today, Now, Rubric.Default, Calendar);

        Assert.Null(card.Indicator(IndicatorIds.ComplaintRate).Value);
        Assert.Equal((180.0, Band.Good, 80.0), Graded(card, IndicatorIds.AvgResponseTime));
    }

    [Fact]
    public void Average_response_mixes_service_responses_and_first_responses_to_complaints()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.Record(Service("a1", At(2026, 11, 2, 9), responseSeconds: 60));
        activity.RecordFirstResponse(At(2026, 11, 2, 10), TimeSpan.FromSeconds(240));

        var card = AgentScorecard.Compute(activity, ScorecardWindow.Today, Now, Rubric.Default, Calendar);

        Assert.Equal(150, card.Indicator(IndicatorIds.AvgResponseTime).Value);
    }

    [Fact]
    public void Configured_points_and_weights_change_the_score()
    {
        var options = new ScorecardOptions
        {
            BandPoints = new BandPointsOptions { Good = 90 },
            Indicators = { [IndicatorIds.Satisfaction] = new IndicatorOptions { Weight = 3 } },
        };

        var card = AgentScorecard.Compute(WorkedExample(), ScorecardWindow.Today, Now, options.ToRubric(), Calendar);

        // (3×90 + 100 + 90 + 100 + 90) / 7
        Assert.Equal((3 * 90 + 100 + 90 + 100 + 90) / 7.0, card.Total!.Value, 9);
    }

    [Fact]
    public void Self_and_supervisor_ratings_make_separate_scorecards()
    {
        var activity = new AgentActivity("a1", Calendar);
        activity.Record(Rated("a1", At(2026, 10, 10), IndicatorIds.Initiative, 95, Rater.Self));
        activity.Record(Rated("a1", At(2026, 10, 10), IndicatorIds.Initiative, 70));

        var self = AgentScorecard.ComputeQuarter(activity, Quarter.Parse("2026Q4"), Rubric.Default, Rater.Self);
        var supervisor = AgentScorecard.ComputeQuarter(activity, Quarter.Parse("2026Q4"), Rubric.Default);

        Assert.Equal(100, self.Total);
        Assert.Equal(60, supervisor.Total);
        Assert.Equal(Rater.Self, self.Rater);
    }

    private static (double?, Band?, double?) Graded(Scorecard card, string id)
    {
        var indicator = card.Indicator(id);
        return (indicator.Value, indicator.Band, indicator.Points);
    }
}
