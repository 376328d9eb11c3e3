namespace Realtime.Domain.Scorecards;

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
