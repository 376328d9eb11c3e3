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
        // Every window ends today, so the quarter of now is the quarter of its last day (no second zone conversion).
        return Build(activity, window, Quarter.Of(days.Last), days, rubric, rater);
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
        var ordered = rubric.Ordered;
        var byIndex = new double?[ordered.Length];
        for (var k = 0; k < ordered.Length; k++)
        {
            byIndex[k] = values.TryGetValue(ordered[k].Id, out var value) ? value : null;
        }

        return Grade(rubric, byIndex);
    }

    /// <summary>Grades <paramref name="values"/>, one per indicator in <see cref="Rubric.Ordered"/> order (null: no data).</summary>
    /// <remarks>
    /// Runs for every window after every change of an agent, so it keeps one array (indicator values, then dimension
    /// scores) that the scorecard's lists read, and builds no LINQ.
    /// </remarks>
    private static ScorecardGrades Grade(Rubric rubric, ReadOnlySpan<double?> values)
    {
        var dimensions = rubric.Dimensions;
        var graded = new double[values.Length + dimensions.Count];
        double totalWeight = 0, totalWeighted = 0;
        var coveredCount = 0;
        var k = 0;
        var ordered = rubric.Ordered;
        for (var d = 0; d < dimensions.Count; d++)
        {
            var dimension = dimensions[d];
            double weighted = 0, weights = 0;
            // By index into the rubric's flat order (the same order): enumerating the dimension's list boxed an
            // enumerator per dimension, per window, per push.
            for (var end = k + dimension.Indicators.Count; k < end; k++)
            {
                var indicator = ordered[k];
                if (values[k] is not { } value)
                {
                    graded[k] = double.NaN;
                    continue;
                }

                graded[k] = value;
                var points = rubric.Points.For(indicator.Grade(value));
                if (indicator.Weight > 0)
                {
                    weighted += indicator.Weight * points;
                    weights += indicator.Weight;
                }
            }

            graded[values.Length + d] = weights > 0 ? weighted / weights : double.NaN;
            if (weights > 0 && dimension.Weight > 0)
            {
                coveredCount++;
            }
        }

        // Sum in dimension order, as before, so totals (and frozen quarter snapshots) stay bit-for-bit the same.
        for (var d = 0; d < dimensions.Count; d++)
        {
            if (!double.IsNaN(graded[values.Length + d]) && dimensions[d].Weight > 0)
            {
                totalWeight += dimensions[d].Weight;
            }
        }

        var covered = new string[coveredCount];
        var c = 0;
        for (var d = 0; d < dimensions.Count; d++)
        {
            var score = graded[values.Length + d];
            if (!double.IsNaN(score) && dimensions[d].Weight > 0)
            {
                totalWeighted += dimensions[d].Weight * score;
                covered[c++] = dimensions[d].Id;
            }
        }

        double? total = coveredCount == 0 ? null : totalWeighted / totalWeight;
        return new ScorecardGrades(new GradedIndicators(rubric, graded), new GradedDimensions(rubric, graded, values.Length, totalWeight), total, covered);
    }

    private static Scorecard Build(AgentActivity activity, ScorecardWindow? window, Quarter quarter, LocalDateRange days, Rubric rubric, Rater rater)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var totals = activity.Totals(days);
        var ordered = rubric.Ordered;
        Span<double?> values = ordered.Length <= 64 ? stackalloc double?[ordered.Length] : new double?[ordered.Length];
        for (var k = 0; k < ordered.Length; k++)
        {
            var indicator = ordered[k];
            values[k] = indicator.Source == IndicatorSource.Manual
                ? activity.LatestRating(indicator.Id, rater, quarter)
                : LiveValue(indicator.Id, totals);
        }

        var grades = Grade(rubric, values);
        return new Scorecard(activity.AgentId, window, quarter, days.First, days.Last, rater,
            grades.Indicators, grades.Dimensions, grades.Total, grades.CoveredDimensions);
    }

    private static double? LiveValue(string id, AgentTotals totals) => id switch
    {
        IndicatorIds.Satisfaction => totals.SatisfactionAverage,
        IndicatorIds.ComplaintRate => totals.ComplaintRatePercent,
        IndicatorIds.FirstContactResolution => totals.FirstContactResolutionPercent,
        IndicatorIds.AvgResponseTime => totals.AverageResponseSeconds,
        IndicatorIds.PraiseCount => totals.PraiseCount,
        _ => null,
    };
}
