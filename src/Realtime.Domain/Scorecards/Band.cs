using System.Text.Json.Serialization;

namespace Realtime.Domain.Scorecards;

/// <summary>The grade of one indicator value. Wire names are lower case (<c>excellent</c> …).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Band>))]
public enum Band
{
    /// <summary>优秀</summary>
    [JsonStringEnumMemberName("excellent")] Excellent,
    /// <summary>良好</summary>
    [JsonStringEnumMemberName("good")] Good,
    /// <summary>合格</summary>
    [JsonStringEnumMemberName("pass")] Pass,
    /// <summary>不合格</summary>
    [JsonStringEnumMemberName("fail")] Fail,
}

/// <summary>Which way an indicator improves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Direction>))]
public enum Direction
{
    /// <summary>Larger values are better (satisfaction, resolution rate, praise).</summary>
    [JsonStringEnumMemberName("higherIsBetter")] HigherIsBetter,
    /// <summary>Smaller values are better (complaint rate, response time, error rate, violations).</summary>
    [JsonStringEnumMemberName("lowerIsBetter")] LowerIsBetter,
}

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

/// <summary>The points a band is worth (default excellent 100, good 80, pass 60, fail 0).</summary>
/// <param name="Excellent">Points for <see cref="Band.Excellent"/>.</param>
/// <param name="Good">Points for <see cref="Band.Good"/>.</param>
/// <param name="Pass">Points for <see cref="Band.Pass"/>.</param>
/// <param name="Fail">Points for <see cref="Band.Fail"/>.</param>
public sealed record BandPoints(double Excellent = 100, double Good = 80, double Pass = 60, double Fail = 0)
{
    /// <summary>The defaults from the service-quality scorecard.</summary>
    public static BandPoints Default { get; } = new();

    /// <summary>The points <paramref name="band"/> is worth.</summary>
    public double For(Band band) => band switch
    {
        Band.Excellent => Excellent,
        Band.Good => Good,
        Band.Pass => Pass,
        Band.Fail => Fail,
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };
}
