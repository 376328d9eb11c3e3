namespace Realtime.Domain.Scorecards;

/// <summary>
/// The three edges that split an indicator's values into the four <see cref="Band"/>s.
/// <para>
/// <see cref="Direction.HigherIsBetter"/>: value ≥ <see cref="Excellent"/> is excellent, ≥ <see cref="Good"/> good,
/// ≥ <see cref="Pass"/> pass, anything lower fails; a value on an edge falls in the better band (80 is good, 90 excellent).
/// </para>
/// <para>
/// <see cref="Direction.LowerIsBetter"/>: the band whose range names the value: ≤ <see cref="Good"/> is good and
/// ≤ <see cref="Pass"/> is pass (10 % complaint rate is good, 20 % pass), above <see cref="Pass"/> fails.
/// The excellent edge differs between indicators ("&lt; 5 %" versus "≤ 2 min"), so it is exclusive unless
/// <see cref="ExcellentInclusive"/> says the edge value itself is excellent.
/// </para>
/// </summary>
/// <param name="Excellent">The edge between excellent and good.</param>
/// <param name="Good">The edge between good and pass.</param>
/// <param name="Pass">The edge between pass and fail.</param>
/// <param name="ExcellentInclusive">Lower-is-better only: whether a value equal to <paramref name="Excellent"/> is excellent.</param>
public sealed record BandEdges(double Excellent, double Good, double Pass, bool ExcellentInclusive = false)
{
    /// <summary>The band of <paramref name="value"/> for an indicator improving in <paramref name="direction"/>.</summary>
    public Band Classify(double value, Direction direction)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("An indicator value must be a number.", nameof(value));
        }

        if (direction == Direction.HigherIsBetter)
        {
            return value >= Excellent ? Band.Excellent
                : value >= Good ? Band.Good
                : value >= Pass ? Band.Pass
                : Band.Fail;
        }

        return (ExcellentInclusive ? value <= Excellent : value < Excellent) ? Band.Excellent
            : value <= Good ? Band.Good
            : value <= Pass ? Band.Pass
            : Band.Fail;
    }

    /// <summary>True when the edges are in the order <paramref name="direction"/> needs (better edges first).</summary>
    public bool IsOrderedFor(Direction direction) => direction == Direction.HigherIsBetter
        ? Excellent >= Good && Good >= Pass
        : Excellent <= Good && Good <= Pass;
}
