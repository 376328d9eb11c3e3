using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Domain.Scorecards;

/// <summary>Computes agent scorecards from an <see cref="AgentActivity"/> and a <see cref="Rubric"/>. Pure: time comes in as <c>now</c>.</summary>
public static class AgentScorecard
{
    /// <summary>
    /// The scorecard over <paramref name="window"/> at instant <paramref name="now"/>: live indicators from the
    /// window's days, manual indicators from <paramref name="rater"/>'s latest rating for the quarter containing now.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="calendar"/> is not the zone the history is reckoned in.</exception>
    public static Scorecard Compute(AgentActivity activity, ScorecardWindow window, DateTimeOffset now, Rubric rubric, CompanyCalendar calendar, Rater rater = Rater.Supervisor)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(calendar);
        if (activity.TimeZoneId != calendar.TimeZoneId)
        {
            throw new ArgumentException($"The history of '{activity.AgentId}' is reckoned in {activity.TimeZoneId}, not {calendar.TimeZoneId}.", nameof(calendar));
        }

        var days = window.DaysAt(now, calendar);
        return Build(activity, window, calendar.QuarterOf(now), days, rubric, rater);
    }

    /// <summary>The scorecard of the whole of <paramref name="quarter"/> (the basis of the quarter-end appraisal).</summary>
    public static Scorecard ComputeQuarter(AgentActivity activity, Quarter quarter, Rubric rubric, Rater rater = Rater.Supervisor)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Build(activity, null, quarter, LocalDateRange.Of(quarter), rubric, rater);
    }

    /// <summary>
    /// Grades indicator values against <paramref name="rubric"/>: an indicator missing from <paramref name="values"/>
    /// has no data. A dimension's score is the weighted mean of the points of its indicators with data; the total
    /// is the weighted mean of the dimensions with a score, weights renormalised over them.
    /// </summary>
    public static ScorecardGrades Grade(Rubric rubric, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(values);
        var indicators = new List<IndicatorScore>();
        var scored = new List<(RubricDimension Dimension, double? Score)>();
        foreach (var dimension in rubric.Dimensions)
        {
            double weighted = 0, weights = 0;
            foreach (var indicator in dimension.Indicators)
            {
                if (!values.TryGetValue(indicator.Id, out var value))
                {
                    indicators.Add(new IndicatorScore(indicator.Id, dimension.Id, null, null, null));
                    continue;
                }

                var band = indicator.Grade(value);
                var points = rubric.Points.For(band);
                indicators.Add(new IndicatorScore(indicator.Id, dimension.Id, value, band, points));
                if (indicator.Weight > 0)
                {
                    weighted += indicator.Weight * points;
                    weights += indicator.Weight;
                }
            }

            scored.Add((dimension, weights > 0 ? weighted / weights : null));
        }

        var covered = scored.Where(s => s.Score is not null && s.Dimension.Weight > 0).ToArray();
        var totalWeight = covered.Sum(s => s.Dimension.Weight);
        double? total = covered.Length == 0 ? null : covered.Sum(s => s.Dimension.Weight * s.Score!.Value) / totalWeight;
        var dimensions = scored
            .Select(s => new DimensionScore(
                s.Dimension.Id,
                s.Dimension.Weight,
                s.Score,
                s.Score is not null && s.Dimension.Weight > 0 ? s.Dimension.Weight / totalWeight : null))
            .ToArray();
        return new ScorecardGrades(indicators, dimensions, total, covered.Select(s => s.Dimension.Id).ToArray());
    }

    private static Scorecard Build(AgentActivity activity, ScorecardWindow? window, Quarter quarter, LocalDateRange days, Rubric rubric, Rater rater)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var totals = activity.Totals(days);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        Put(values, IndicatorIds.Satisfaction, totals.SatisfactionAverage);
        Put(values, IndicatorIds.ComplaintRate, totals.ComplaintRatePercent);
        Put(values, IndicatorIds.FirstContactResolution, totals.FirstContactResolutionPercent);
        Put(values, IndicatorIds.AvgResponseTime, totals.AverageResponseSeconds);
        Put(values, IndicatorIds.PraiseCount, totals.PraiseCount);
        foreach (var indicator in rubric.Indicators.Where(i => i.Source == IndicatorSource.Manual))
        {
            Put(values, indicator.Id, activity.LatestRating(indicator.Id, rater, quarter));
        }

        var grades = Grade(rubric, values);
        return new Scorecard(activity.AgentId, window, quarter, days.First, days.Last, rater,
            grades.Indicators, grades.Dimensions, grades.Total, grades.CoveredDimensions);
    }

    private static void Put(Dictionary<string, double> values, string id, double? value)
    {
        if (value is { } v)
        {
            values[id] = v;
        }
    }
}
