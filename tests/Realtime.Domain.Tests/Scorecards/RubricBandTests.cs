using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Tests.Scorecards;

public class RubricBandTests
{
    private const double Just = 0.01;

    /// <summary>Every edge of every indicator with bands, as domain.md states them, plus a value just on the worse side.</summary>
    public static TheoryData<string, double, Band> Edges()
    {
        var data = new TheoryData<string, double, Band>();

        void Higher(string id, double excellent, double good, double pass)
        {
            data.Add(id, excellent + 10, Band.Excellent);
            data.Add(id, excellent, Band.Excellent);
            data.Add(id, excellent - Just, Band.Good);
            data.Add(id, good, Band.Good);
            data.Add(id, good - Just, Band.Pass);
            data.Add(id, pass, Band.Pass);
            data.Add(id, pass - Just, Band.Fail);
        }

        // Lower is better: an edge value falls in the band whose range names it.
        void Lower(string id, double excellent, bool excellentInclusive, double good, double pass)
        {
            data.Add(id, excellent - 1, Band.Excellent);
            data.Add(id, excellent, excellentInclusive ? Band.Excellent : Band.Good);
            data.Add(id, excellent + Just, Band.Good);
            data.Add(id, good, Band.Good);
            data.Add(id, good + Just, Band.Pass);
            data.Add(id, pass, Band.Pass);
            data.Add(id, pass + Just, Band.Fail);
        }

        Higher(IndicatorIds.Satisfaction, 90, 80, 60);
        Lower(IndicatorIds.ComplaintRate, 5, false, 10, 20);
        Higher(IndicatorIds.FirstContactResolution, 80, 70, 60);
        Lower(IndicatorIds.AvgResponseTime, 120, true, 300, 600);
        Higher(IndicatorIds.KnowledgeTest, 90, 80, 70);
        Higher(IndicatorIds.SalesVsTarget, 120, 100, 80);
        Higher(IndicatorIds.ClaimsAccuracy, 95, 90, 85);
        Higher(IndicatorIds.TrainingAttendance, 100, 80, 60);
        Higher(IndicatorIds.CrossDeptCompletion, 95, 90, 85);
        Lower(IndicatorIds.InfoErrorRate, 2, false, 5, 10);
        Higher(IndicatorIds.ImprovementPlan, 100, 80, 60);
        foreach (var id in new[] { IndicatorIds.InternalCommunication, IndicatorIds.CustomerCommunication, IndicatorIds.EmotionManagement, IndicatorIds.SelfAssessment, IndicatorIds.Initiative, IndicatorIds.CareerPlan })
        {
            Higher(id, 90, 80, 60);
        }

        // Counts: praise ≥ 5 / 3–4 / 1–2 / 0.
        data.Add(IndicatorIds.PraiseCount, 5, Band.Excellent);
        data.Add(IndicatorIds.PraiseCount, 4, Band.Good);
        data.Add(IndicatorIds.PraiseCount, 3, Band.Good);
        data.Add(IndicatorIds.PraiseCount, 2, Band.Pass);
        data.Add(IndicatorIds.PraiseCount, 1, Band.Pass);
        data.Add(IndicatorIds.PraiseCount, 0, Band.Fail);

        // Violations: none / 1–2 minor / ≥ 3 / serious (100 or more).
        data.Add(IndicatorIds.Violations, 0, Band.Excellent);
        data.Add(IndicatorIds.Violations, 1, Band.Good);
        data.Add(IndicatorIds.Violations, 2, Band.Good);
        data.Add(IndicatorIds.Violations, 3, Band.Pass);
        data.Add(IndicatorIds.Violations, 99, Band.Pass);
        data.Add(IndicatorIds.Violations, 100, Band.Fail);

        // New skills: ≥ 2 / 1 / 0 / none (negative).
        data.Add(IndicatorIds.NewSkills, 3, Band.Excellent);
        data.Add(IndicatorIds.NewSkills, 2, Band.Excellent);
        data.Add(IndicatorIds.NewSkills, 1, Band.Good);
        data.Add(IndicatorIds.NewSkills, 0, Band.Pass);
        data.Add(IndicatorIds.NewSkills, -1, Band.Fail);
        return data;
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void Grades_every_band_edge_as_the_scorecard_says(string indicator, double value, Band expected)
    {
        Assert.Equal(expected, Rubric.Default.Indicator(indicator).Grade(value));
    }

    [Fact]
    public void Every_indicator_of_the_scorecard_is_covered_by_the_edge_table()
    {
        var covered = Edges().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(Rubric.Default.Indicators.Select(i => i.Id).Order(), covered.Order());
    }

    [Fact]
    public void The_default_rubric_has_the_four_weighted_dimensions_with_labels()
    {
        var rubric = Rubric.Default;

        Assert.Equal(
            [(DimensionIds.CustomerSatisfaction, 40.0), (DimensionIds.BusinessAbility, 25.0), (DimensionIds.Communication, 20.0), (DimensionIds.PersonalGrowth, 15.0)],
            rubric.Dimensions.Select(d => (d.Id, d.Weight)));
        Assert.All(rubric.Dimensions, d => Assert.Equal(5, d.Indicators.Count));
        Assert.All(rubric.Indicators, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.LabelZh));
            Assert.False(string.IsNullOrWhiteSpace(i.LabelEn));
            Assert.Equal(1, i.Weight);
        });
        Assert.Equal(new BandPoints(100, 80, 60, 0), rubric.Points);
        Assert.All(rubric.Dimensions[0].Indicators, i => Assert.Equal(IndicatorSource.Live, i.Source));
    }

    [Fact]
    public void Bands_serialize_with_lower_case_wire_names()
    {
        Assert.Equal("\"excellent\"", System.Text.Json.JsonSerializer.Serialize(Band.Excellent));
        Assert.Equal("\"7d\"", System.Text.Json.JsonSerializer.Serialize(ScorecardWindow.Last7Days));
        Assert.True(ScorecardWindows.TryParse("qtd", out var window));
        Assert.Equal(ScorecardWindow.QuarterToDate, window);
        Assert.False(ScorecardWindows.TryParse("month", out _));
    }
}
