namespace Realtime.Domain.Scorecards;

/// <summary>Overrides of the points per band (section <c>Scorecard:BandPoints</c>).</summary>
public sealed class BandPointsOptions
{
    /// <summary>Points for excellent (default 100).</summary>
    public double? Excellent { get; set; }
    /// <summary>Points for good (default 80).</summary>
    public double? Good { get; set; }
    /// <summary>Points for pass (default 60).</summary>
    public double? Pass { get; set; }
    /// <summary>Points for fail (default 0).</summary>
    public double? Fail { get; set; }

    internal BandPoints Apply(BandPoints defaults) => new(
        Excellent ?? defaults.Excellent,
        Good ?? defaults.Good,
        Pass ?? defaults.Pass,
        Fail ?? defaults.Fail);
}
