namespace Realtime.Domain.Scorecards;

/// <summary>
/// The whole agent scorecard as data: dimensions with weights, their indicators with band edges and
/// weights, and the points per band. Build a configured one with <see cref="ScorecardOptions.ToRubric"/>.
/// </summary>
public sealed class Rubric
{
    private readonly Dictionary<string, RubricIndicator> _indicators;
    private readonly RubricIndicator[] _ordered;

    /// <summary>Creates a rubric; indicator ids must be unique and each must name its dimension.</summary>
    public Rubric(IReadOnlyList<RubricDimension> dimensions, BandPoints points)
    {
        Dimensions = dimensions ?? throw new ArgumentNullException(nameof(dimensions));
        Points = points ?? throw new ArgumentNullException(nameof(points));
        _indicators = new Dictionary<string, RubricIndicator>(StringComparer.Ordinal);
        foreach (var dimension in dimensions)
        {
            foreach (var indicator in dimension.Indicators)
            {
                if (indicator.DimensionId != dimension.Id)
                {
                    throw new ArgumentException($"Indicator '{indicator.Id}' names dimension '{indicator.DimensionId}' but sits in '{dimension.Id}'.", nameof(dimensions));
                }

                if (!_indicators.TryAdd(indicator.Id, indicator))
                {
                    throw new ArgumentException($"Indicator id '{indicator.Id}' appears twice.", nameof(dimensions));
                }
            }
        }

        _ordered = [.. dimensions.SelectMany(d => d.Indicators)];
        Indicators = Array.AsReadOnly(_ordered);
        NoData = [.. _ordered.Select(i => new IndicatorScore(i.Id, i.DimensionId, null, null, null))];
    }

    /// <summary>The rubric with every default from domain.md.</summary>
    public static Rubric Default { get; } = new(RubricDefaults.Dimensions, BandPoints.Default);

    /// <summary>The dimensions, in display order.</summary>
    public IReadOnlyList<RubricDimension> Dimensions { get; }

    /// <summary>The points each band is worth.</summary>
    public BandPoints Points { get; }

    /// <summary>Every indicator, in display order.</summary>
    public IEnumerable<RubricIndicator> Indicators { get; }

    /// <summary>Every indicator in display order, for index-based grading (positions match <see cref="NoData"/>).</summary>
    internal ReadOnlySpan<RubricIndicator> Ordered => _ordered;

    /// <summary>
    /// The "no data" score of each indicator, in display order: immutable and the same for every agent, so a
    /// scorecard shares these instead of allocating them per computation.
    /// </summary>
    internal IndicatorScore[] NoData { get; }

    /// <summary>The indicator with wire id <paramref name="id"/>, or null.</summary>
    public RubricIndicator? FindIndicator(string id) => _indicators.GetValueOrDefault(id);

    /// <summary>The indicator with wire id <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such indicator.</exception>
    public RubricIndicator Indicator(string id) =>
        FindIndicator(id) ?? throw new KeyNotFoundException($"No scorecard indicator '{id}'.");
}
