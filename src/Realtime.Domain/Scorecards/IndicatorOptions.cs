namespace Realtime.Domain.Scorecards;

/// <summary>Overrides of one indicator (section <c>Scorecard:Indicators:{id}</c>); values in the indicator's unit.</summary>
public sealed class IndicatorOptions
{
    /// <summary>Its weight inside its dimension (default 1).</summary>
    public double? Weight { get; set; }
    /// <summary>The excellent/good edge.</summary>
    public double? Excellent { get; set; }
    /// <summary>The good/pass edge.</summary>
    public double? Good { get; set; }
    /// <summary>The pass/fail edge.</summary>
    public double? Pass { get; set; }
    /// <summary>Lower-is-better only: whether a value exactly on the excellent edge is excellent.</summary>
    public bool? ExcellentInclusive { get; set; }

    internal RubricIndicator Apply(RubricIndicator indicator) => indicator with
    {
        Weight = Weight ?? indicator.Weight,
        Edges = new BandEdges(
            Excellent ?? indicator.Edges.Excellent,
            Good ?? indicator.Edges.Good,
            Pass ?? indicator.Edges.Pass,
            ExcellentInclusive ?? indicator.Edges.ExcellentInclusive),
    };
}
