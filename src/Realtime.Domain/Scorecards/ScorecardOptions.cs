namespace Realtime.Domain.Scorecards;

/// <summary>
/// Configuration (section <c>Scorecard</c>) overriding the default rubric without a rebuild. Every
/// property is an override: what is left unset keeps the domain.md default. Keys are the wire ids, e.g.
/// <c>Scorecard:Dimensions:customer_satisfaction:Weight = 50</c>,
/// <c>Scorecard:Indicators:complaint_rate:Good = 12</c>, <c>Scorecard:BandPoints:Good = 85</c>.
/// Rates are in percent (0–100), response time in seconds.
/// </summary>
public sealed class ScorecardOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Scorecard";

    /// <summary>Points per band overrides.</summary>
    public BandPointsOptions BandPoints { get; set; } = new();

    /// <summary>Dimension overrides keyed by dimension id.</summary>
    public Dictionary<string, DimensionOptions> Dimensions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indicator overrides keyed by indicator id.</summary>
    public Dictionary<string, IndicatorOptions> Indicators { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every configuration error, each naming its key (e.g. <c>Scorecard:Indicators:complaint_rate:Good</c>);
    /// empty when the options make a valid rubric.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var points = BandPoints ?? new BandPointsOptions();
        CheckNumber(errors, "BandPoints:Excellent", points.Excellent, allowNegative: false);
        CheckNumber(errors, "BandPoints:Good", points.Good, allowNegative: false);
        CheckNumber(errors, "BandPoints:Pass", points.Pass, allowNegative: false);
        CheckNumber(errors, "BandPoints:Fail", points.Fail, allowNegative: false);
        var resolvedPoints = points.Apply(Scorecards.BandPoints.Default);
        if (errors.Count == 0 && !(resolvedPoints.Excellent >= resolvedPoints.Good && resolvedPoints.Good >= resolvedPoints.Pass && resolvedPoints.Pass >= resolvedPoints.Fail))
        {
            errors.Add($"{SectionName}:BandPoints: points must not increase from Excellent to Fail (now {resolvedPoints.Excellent}/{resolvedPoints.Good}/{resolvedPoints.Pass}/{resolvedPoints.Fail}).");
        }

        var dimensionWeightSum = 0.0;
        foreach (var dimension in RubricDefaults.Dimensions)
        {
            var weight = dimension.Weight;
            if (TryFind(Dimensions, dimension.Id, out var key, out var options) && options.Weight is { } w)
            {
                weight = w;
                CheckNumber(errors, $"Dimensions:{key}:Weight", w, allowNegative: false);
            }

            dimensionWeightSum += double.IsFinite(weight) ? weight : 0;
        }

        foreach (var key in (Dimensions ?? []).Keys.Where(k => RubricDefaults.Dimensions.All(d => !string.Equals(d.Id, k, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add($"{SectionName}:Dimensions:{key}: unknown dimension (known: {string.Join(", ", RubricDefaults.Dimensions.Select(d => d.Id))}).");
        }

        if (dimensionWeightSum <= 0)
        {
            errors.Add($"{SectionName}:Dimensions: at least one dimension needs a weight above 0.");
        }

        var defaults = Rubric.Default;
        foreach (var (key, options) in Indicators ?? [])
        {
            var indicator = defaults.Indicators.FirstOrDefault(i => string.Equals(i.Id, key, StringComparison.OrdinalIgnoreCase));
            if (indicator is null)
            {
                errors.Add($"{SectionName}:Indicators:{key}: unknown indicator (known: {string.Join(", ", defaults.Indicators.Select(i => i.Id))}).");
                continue;
            }

            if (options is null)
            {
                continue;
            }

            CheckNumber(errors, $"Indicators:{key}:Weight", options.Weight, allowNegative: false);
            CheckNumber(errors, $"Indicators:{key}:Excellent", options.Excellent, allowNegative: true);
            CheckNumber(errors, $"Indicators:{key}:Good", options.Good, allowNegative: true);
            CheckNumber(errors, $"Indicators:{key}:Pass", options.Pass, allowNegative: true);
            var edges = options.Apply(indicator).Edges;
            if (!edges.IsOrderedFor(indicator.Direction))
            {
                var order = indicator.Direction == Direction.HigherIsBetter ? "Excellent >= Good >= Pass" : "Excellent <= Good <= Pass";
                errors.Add($"{SectionName}:Indicators:{key}: band edges must satisfy {order} for a {indicator.Direction} indicator (now {edges.Excellent}/{edges.Good}/{edges.Pass}).");
            }
        }

        foreach (var dimension in RubricDefaults.Dimensions)
        {
            var sum = dimension.Indicators.Sum(i => TryFind(Indicators, i.Id, out _, out var o) && o.Weight is { } w && double.IsFinite(w) ? w : i.Weight);
            if (sum <= 0)
            {
                errors.Add($"{SectionName}:Indicators: the indicators of dimension '{dimension.Id}' need at least one weight above 0.");
            }
        }

        return errors;
    }

    /// <summary>The configured rubric: the defaults with every override applied.</summary>
    /// <exception cref="InvalidOperationException">The options are invalid; the message lists <see cref="Validate"/>'s errors.</exception>
    public Rubric ToRubric()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid scorecard configuration: " + string.Join(" ", errors));
        }

        var dimensions = RubricDefaults.Dimensions
            .Select(d => d with
            {
                Weight = TryFind(Dimensions, d.Id, out _, out var dOptions) && dOptions.Weight is { } weight ? weight : d.Weight,
                Indicators = d.Indicators
                    .Select(i => TryFind(Indicators, i.Id, out _, out var iOptions) ? iOptions.Apply(i) : i)
                    .ToArray(),
            })
            .ToArray();
        return new Rubric(dimensions, (BandPoints ?? new BandPointsOptions()).Apply(Scorecards.BandPoints.Default));
    }

    private static bool TryFind<T>(Dictionary<string, T>? map, string id, out string key, out T value)
        where T : class
    {
        // The configuration binder may replace the dictionary with a case-sensitive one.
        foreach (var (k, v) in map ?? [])
        {
            if (string.Equals(k, id, StringComparison.OrdinalIgnoreCase) && v is not null)
            {
                key = k;
                value = v;
                return true;
            }
        }

        key = id;
        value = null!;
        return false;
    }

    private static void CheckNumber(List<string> errors, string key, double? value, bool allowNegative)
    {
        if (value is not { } v)
        {
            return;
        }

        if (!double.IsFinite(v))
        {
            errors.Add($"{SectionName}:{key}: must be a finite number.");
        }
        else if (!allowNegative && v < 0)
        {
            errors.Add($"{SectionName}:{key}: must not be negative (now {v}).");
        }
    }
}
