using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>The wire names of the scorecard enums as a snapshot writes them.</summary>
public static class WireNames
{
    /// <summary><c>excellent</c>, <c>good</c>, <c>pass</c> or <c>fail</c>.</summary>
    public static string Of(Band band) => band switch
    {
        Band.Excellent => "excellent",
        Band.Good => "good",
        Band.Pass => "pass",
        _ => "fail",
    };

    /// <summary><c>live</c> or <c>manual</c>.</summary>
    public static string Of(IndicatorSource source) => source == IndicatorSource.Live ? "live" : "manual";

    /// <summary><c>score</c>, <c>percent</c>, <c>seconds</c> or <c>count</c>.</summary>
    public static string Of(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Score => "score",
        IndicatorUnit.Percent => "percent",
        IndicatorUnit.Seconds => "seconds",
        _ => "count",
    };

    /// <summary><c>higherIsBetter</c> or <c>lowerIsBetter</c>.</summary>
    public static string Of(Direction direction) => direction == Direction.HigherIsBetter ? "higherIsBetter" : "lowerIsBetter";
}
