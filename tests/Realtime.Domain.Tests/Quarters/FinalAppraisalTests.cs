using Realtime.Domain.Quarters;

namespace Realtime.Domain.Tests.Quarters;

public sealed class FinalAppraisalTests
{
    [Theory]
    [InlineData(100, 1.5)]
    [InlineData(95, 1.5)]
    [InlineData(94.9999, 1.2)]
    [InlineData(85, 1.2)]
    [InlineData(84.9999, 1.0)]
    [InlineData(75, 1.0)]
    [InlineData(74.9999, 0.8)]
    [InlineData(60, 0.8)]
    [InlineData(59.9999, 0)]
    [InlineData(0, 0)]
    public void The_default_bonus_table_includes_each_lower_edge(double finalScore, double coefficient) =>
        Assert.Equal(coefficient, BonusTable.Default.CoefficientFor(finalScore));

    [Fact]
    public void A_configured_table_is_used_in_any_row_order_with_its_own_floor()
    {
        var table = new BonusTable([new(50, 1.0), new(90, 2.0)], belowLowest: 0.5);
        Assert.Equal(2.0, table.CoefficientFor(90));
        Assert.Equal(1.0, table.CoefficientFor(89.9999));
        Assert.Equal(1.0, table.CoefficientFor(50));
        Assert.Equal(0.5, table.CoefficientFor(49.9999));
    }

    [Fact]
    public void An_invalid_table_is_refused_naming_the_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => new BonusTable([new(80, 1), new(80, 2)]));
        Assert.Contains("share a MinFinalScore", error.Message);
        Assert.NotEmpty(new QuarterOptions { BonusTable = [new() { MinFinalScore = 120, Coefficient = 1 }] }.Validate());
        Assert.Empty(new QuarterOptions().Validate());
        Assert.Same(BonusTable.Default, new QuarterOptions().ToBonusTable());
    }

    [Theory]
    [InlineData(80.0, 90.0, 87.0)]
    [InlineData(100.0, 0.0, 30.0)]
    [InlineData(0.0, 100.0, 70.0)]
    [InlineData(75.0769230769, 82.7692307692, 80.4615)]
    public void The_final_score_is_30_percent_self_and_70_percent_supervisor_rounded_to_4_decimals(double self, double supervisor, double final) =>
        Assert.Equal(final, FinalAppraisal.FinalScore(self, supervisor));

    [Fact]
    public void A_missing_total_leaves_the_final_score_missing()
    {
        Assert.Null(FinalAppraisal.FinalScore(null, 90));
        Assert.Null(FinalAppraisal.FinalScore(90, null));
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_rank_skips_and_missing_scores_are_unranked() =>
        Assert.Equal([2, 1, 2, null, 4], FinalAppraisal.Ranks([80, 90, 80, null, 70]));
}
