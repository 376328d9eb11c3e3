using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Tests.Scorecards;

public class ScorecardOptionsTests
{
    [Fact]
    public void Empty_options_give_the_default_rubric()
    {
        var options = new ScorecardOptions();

        Assert.Empty(options.Validate());
        var rubric = options.ToRubric();
        Assert.Equal(
            Rubric.Default.Indicators.Select(i => (i.Id, i.Edges, i.Weight)),
            rubric.Indicators.Select(i => (i.Id, i.Edges, i.Weight)));
        Assert.Equal(Rubric.Default.Dimensions.Select(d => d.Weight), rubric.Dimensions.Select(d => d.Weight));
        Assert.Equal(Rubric.Default.Points, rubric.Points);
    }

    [Fact]
    public void Overrides_change_edges_weights_and_points_and_keep_the_rest()
    {
        var options = new ScorecardOptions
        {
            BandPoints = new BandPointsOptions { Pass = 50 },
            Dimensions = { ["Customer_Satisfaction"] = new DimensionOptions { Weight = 50 } },
            Indicators = { [IndicatorIds.ComplaintRate] = new IndicatorOptions { Good = 12 } },
        };

        var rubric = options.ToRubric();

        Assert.Equal(Band.Good, rubric.Indicator(IndicatorIds.ComplaintRate).Grade(11));
        Assert.Equal(Band.Excellent, rubric.Indicator(IndicatorIds.ComplaintRate).Grade(4));
        Assert.Equal(50, rubric.Dimensions[0].Weight);
        Assert.Equal(25, rubric.Dimensions[1].Weight);
        Assert.Equal(new BandPoints(100, 80, 50, 0), rubric.Points);
    }

    [Fact]
    public void Validation_names_the_configuration_key_of_every_error()
    {
        var options = new ScorecardOptions
        {
            BandPoints = new BandPointsOptions { Fail = -1 },
            Dimensions = { ["charisma"] = new DimensionOptions { Weight = 10 }, [DimensionIds.BusinessAbility] = new DimensionOptions { Weight = -5 } },
            Indicators =
            {
                ["speed"] = new IndicatorOptions { Weight = 1 },
                [IndicatorIds.Satisfaction] = new IndicatorOptions { Good = 95 },
                [IndicatorIds.AvgResponseTime] = new IndicatorOptions { Excellent = 400 },
                [IndicatorIds.PraiseCount] = new IndicatorOptions { Weight = double.NaN },
            },
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Scorecard:BandPoints:Fail:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scorecard:Dimensions:charisma:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scorecard:Dimensions:business_ability:Weight:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scorecard:Indicators:speed:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scorecard:Indicators:satisfaction:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scorecard:Indicators:avg_response_time:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scorecard:Indicators:praise_count:Weight:", StringComparison.Ordinal));
        Assert.Equal(7, errors.Count);
        var thrown = Assert.Throws<InvalidOperationException>(options.ToRubric);
        Assert.Contains("Scorecard:Indicators:speed", thrown.Message);
    }

    [Fact]
    public void All_weights_zero_is_an_error()
    {
        var options = new ScorecardOptions();
        foreach (var dimension in RubricDefaults.Dimensions)
        {
            options.Dimensions[dimension.Id] = new DimensionOptions { Weight = 0 };
        }

        foreach (var indicator in RubricDefaults.Dimensions[3].Indicators)
        {
            options.Indicators[indicator.Id] = new IndicatorOptions { Weight = 0 };
        }

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("Scorecard:Dimensions:", StringComparison.Ordinal) && e.Contains("at least one dimension"));
        Assert.Contains(errors, e => e.Contains("'personal_growth'"));
    }

    [Fact]
    public void Points_that_rise_towards_fail_are_an_error()
    {
        var options = new ScorecardOptions { BandPoints = new BandPointsOptions { Pass = 90 } };

        Assert.Contains(options.Validate(), e => e.StartsWith("Scorecard:BandPoints:", StringComparison.Ordinal));
    }
}
