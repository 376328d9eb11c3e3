using Realtime.Domain.Scorecards;
using Realtime.Grains.Agents;

namespace Realtime.Server.Api;

/// <summary>
/// How an agent's <em>total</em> score is graded into a band. domain.md grades indicators, not totals, so the total
/// uses the band edges of the rubric's own 0–100 score indicator, the satisfaction score (default 90 / 80 / 60, higher
/// is better, a total on an edge takes the better band): a total of 88 is good, 90 excellent, 59.9 fail. Each edge can
/// be set on its own under <c>TotalScoreBands</c> (<c>TotalScoreBands:Excellent</c>, <c>:Good</c>, <c>:Pass</c>);
/// an edge not set follows the rubric's satisfaction edges (<c>Scorecard:Indicators:satisfaction:*</c>).
/// </summary>
/// <param name="Excellent">A total at or above it is excellent.</param>
/// <param name="Good">At or above it (below <paramref name="Excellent"/>) good.</param>
/// <param name="Pass">At or above it (below <paramref name="Good"/>) pass; below it fail.</param>
public sealed record TotalScoreBands(double Excellent, double Good, double Pass)
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TotalScoreBands";

    /// <summary>The edges when neither the rubric nor the configuration says otherwise (domain.md's satisfaction bands).</summary>
    public static TotalScoreBands Default { get; } = new(90, 80, 60);

    /// <summary>The band of <paramref name="total"/> (<c>excellent</c>/<c>good</c>/<c>pass</c>/<c>fail</c>), or null without a total.</summary>
    public string? BandOf(double? total) =>
        total is { } t && double.IsFinite(t) ? ScorecardResource.BandName(new BandEdges(Excellent, Good, Pass).Classify(t, Direction.HigherIsBetter)) : null;

    /// <summary>The configured edges (<see cref="TotalScoreBandsOptions"/>), each edge not set taken from the rubric's satisfaction-score edges.</summary>
    public static TotalScoreBands From(TotalScoreBandsOptions options, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rubric);
        var basis = rubric.FindIndicator(IndicatorIds.Satisfaction) is { Direction: Direction.HigherIsBetter } satisfaction
            ? new TotalScoreBands(satisfaction.Edges.Excellent, satisfaction.Edges.Good, satisfaction.Edges.Pass)
            : Default;
        return new TotalScoreBands(options.Excellent ?? basis.Excellent, options.Good ?? basis.Good, options.Pass ?? basis.Pass);
    }
}
