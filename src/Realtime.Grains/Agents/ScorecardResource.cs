using System.Runtime.CompilerServices;
using Realtime.Domain.Calendars;
using Realtime.Domain.Scorecards;

namespace Realtime.Grains.Agents;

/// <summary>
/// An agent's scorecard over a rolling window, as <c>GET /api/agents/{id}/scorecard</c> answers and <c>scoreChanged</c> pushes it.
/// Numbers are rounded for presentation; the grain keeps full precision.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="TeamId">The agent's team as last seen in its events, or null.</param>
/// <param name="Window"><c>today</c>, <c>7d</c> or <c>qtd</c>.</param>
/// <param name="Quarter">The quarter whose manual ratings count, e.g. <c>2026Q4</c>.</param>
/// <param name="From">First local date (company zone) of the window.</param>
/// <param name="To">Last local date of the window (today).</param>
/// <param name="ComputedAt">The instant the scorecard was computed at.</param>
/// <param name="Total">The weighted total over <paramref name="CoveredDimensions"/> (1 decimal), or null when no dimension has data.</param>
/// <param name="CoveredDimensions">The dimensions the total covers.</param>
/// <param name="Dimensions">Every dimension, in rubric order.</param>
/// <param name="Indicators">Every indicator, in rubric order.</param>
public sealed record ScorecardResource(
    string AgentId,
    string? TeamId,
    string Window,
    string Quarter,
    DateOnly From,
    DateOnly To,
    DateTimeOffset ComputedAt,
    double? Total,
    IReadOnlyList<string> CoveredDimensions,
    IReadOnlyList<DimensionResource> Dimensions,
    IReadOnlyList<IndicatorResource> Indicators)
{
    /// <summary>The wire form of <paramref name="scorecard"/>, labelled from <paramref name="rubric"/>.</summary>
    public static ScorecardResource Of(Scorecard scorecard, string agentId, string? teamId, Rubric rubric, DateTimeOffset computedAt)
    {
        var labels = RubricLabels.Of(rubric);
        // Static method groups: the delegates are cached, so a push allocates only the two small views.
        var indicators = new WireView<IndicatorScore, IndicatorResource>(scorecard.Indicators, labels, Show);
        var dimensions = new WireView<DimensionScore, DimensionResource>(scorecard.Dimensions, labels, Show);
        return new ScorecardResource(agentId, teamId, (scorecard.Window ?? ScorecardWindow.QuarterToDate).ToWireName(), QuarterName.Of(scorecard.Quarter),
            scorecard.From, scorecard.To, computedAt, Presentation.Round(scorecard.Total), scorecard.CoveredDimensions, dimensions, indicators);
    }

    /// <summary>The name of the quarter nearly every push carries (the current one), formatted once instead of per push.</summary>
    private sealed record QuarterName(Quarter Quarter, string Name)
    {
        private static QuarterName? s_last;

        public static string Of(Quarter quarter)
        {
            // Any thread: the record is immutable, and a lost race only formats the name again.
            if (Volatile.Read(ref s_last) is { } last && last.Quarter == quarter) return last.Name;
            var name = quarter.ToString();
            Volatile.Write(ref s_last, new QuarterName(quarter, name));
            return name;
        }
    }

    /// <summary>
    /// A scorecard's indicators or dimensions as the wire shows them, made when read. Scorecards are immutable, so the
    /// view is too; a push is read once at most (serialized for the connections that follow it, or not at all), and
    /// copying twenty indicators into a new array for every push was a quarter of what a busy floor allocated.
    /// </summary>
    private sealed class WireView<TScore, TResource>(IReadOnlyList<TScore> scores, RubricLabels labels, Func<TScore, RubricLabels, TResource> show)
        : IReadOnlyList<TResource>
    {
        public int Count => scores.Count;

        public TResource this[int index] => show(scores[index], labels);

        public IEnumerator<TResource> GetEnumerator()
        {
            for (var n = 0; n < scores.Count; n++) yield return this[n];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static IndicatorResource Show(IndicatorScore i, RubricLabels labels)
    {
        var fixedPart = labels.Indicator(i.Id);
        return new IndicatorResource(i.Id, i.Dimension, fixedPart.Label, fixedPart.Source, fixedPart.Unit, Presentation.Round(i.Value),
            i.Band is { } band ? BandName(band) : null, Presentation.Round(i.Points), fixedPart.Direction, fixedPart.Edges);
    }

    private static DimensionResource Show(DimensionScore d, RubricLabels labels) =>
        new(d.Id, labels.Dimension(d.Id), d.Weight, Presentation.Round(d.Score), Presentation.Round(d.EffectiveWeight, 3));

    /// <summary>
    /// What every scorecard of one rubric shows alike (labels, units, directions, band edges), made once per rubric and
    /// shared by every resource: agents push a scorecard per window every few hundred milliseconds, and building these
    /// anew was most of what a push allocated (the records are immutable, so sharing them is safe).
    /// </summary>
    private sealed class RubricLabels
    {
        private static readonly ConditionalWeakTable<Rubric, RubricLabels> ByRubric = new();
        private readonly Dictionary<string, IndicatorLabels> _indicators = new(StringComparer.Ordinal);
        private readonly Dictionary<string, LabelResource> _dimensions = new(StringComparer.Ordinal);

        private RubricLabels(Rubric rubric)
        {
            foreach (var dimension in rubric.Dimensions)
            {
                _dimensions[dimension.Id] = new LabelResource(dimension.LabelZh, dimension.LabelEn);
                foreach (var indicator in dimension.Indicators) _indicators[indicator.Id] = IndicatorLabels.Of(rubric.FindIndicator(indicator.Id)!);
            }
        }

        public static RubricLabels Of(Rubric rubric) => ByRubric.GetValue(rubric, static r => new RubricLabels(r));

        public IndicatorLabels Indicator(string id) =>
            _indicators.TryGetValue(id, out var labels) ? labels : new IndicatorLabels(new LabelResource(id, id), "live", UnitName(IndicatorUnit.Score), null, null);

        public LabelResource Dimension(string id) => _dimensions.TryGetValue(id, out var label) ? label : new LabelResource(id, id);
    }

    private sealed record IndicatorLabels(LabelResource Label, string Source, string Unit, string? Direction, BandEdgesResource? Edges)
    {
        public static IndicatorLabels Of(RubricIndicator definition) => new(
            new LabelResource(definition.LabelZh, definition.LabelEn),
            definition.Source == IndicatorSource.Manual ? "manual" : "live",
            UnitName(definition.Unit),
            definition.Direction == Domain.Scorecards.Direction.HigherIsBetter ? "higherIsBetter" : "lowerIsBetter",
            new BandEdgesResource(definition.Edges.Excellent, definition.Edges.Good, definition.Edges.Pass, definition.Edges.ExcellentInclusive));
    }

    /// <summary>The wire name of <paramref name="band"/>.</summary>
    public static string BandName(Band band) => band switch
    {
        Band.Excellent => "excellent",
        Band.Good => "good",
        Band.Pass => "pass",
        _ => "fail",
    };

    private static string UnitName(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "percent",
        IndicatorUnit.Seconds => "seconds",
        IndicatorUnit.Count => "count",
        _ => "score",
    };
}
