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

    /// <summary>The edges from configuration, defaulting each to the rubric's satisfaction-score edges; throws naming the key when invalid.</summary>
    public static TotalScoreBands From(IConfiguration configuration, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(rubric);
        var basis = rubric.FindIndicator(IndicatorIds.Satisfaction) is { Direction: Direction.HigherIsBetter } satisfaction
            ? new TotalScoreBands(satisfaction.Edges.Excellent, satisfaction.Edges.Good, satisfaction.Edges.Pass)
            : Default;
        var section = configuration.GetSection(SectionName);
        var errors = new List<string>();
        var bands = new TotalScoreBands(
            Read(section, nameof(Excellent), basis.Excellent, errors),
            Read(section, nameof(Good), basis.Good, errors),
            Read(section, nameof(Pass), basis.Pass, errors));
        if (errors.Count == 0 && !(bands.Excellent >= bands.Good && bands.Good >= bands.Pass))
        {
            errors.Add($"{SectionName}: edges must satisfy Excellent ≥ Good ≥ Pass (now {bands.Excellent} / {bands.Good} / {bands.Pass}).");
        }
        if (errors.Count > 0) throw new InvalidOperationException("Invalid total score band configuration: " + string.Join("; ", errors));
        return bands;
    }

    private static double Read(IConfigurationSection section, string key, double fallback, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && value is >= 0 and <= 100)
        {
            return value;
        }
        errors.Add($"{SectionName}:{key}: must be a number from 0 to 100 (now '{text}').");
        return fallback;
    }
}
