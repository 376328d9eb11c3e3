namespace Realtime.Domain.Scorecards;

/// <summary>Overrides of one dimension (section <c>Scorecard:Dimensions:{id}</c>).</summary>
public sealed class DimensionOptions
{
    /// <summary>Its weight in the total (defaults 40 / 25 / 20 / 15).</summary>
    public double? Weight { get; set; }
}
