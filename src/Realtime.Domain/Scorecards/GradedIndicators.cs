using System.Collections;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// A scorecard's indicator scores, held as their values only (NaN: no data): band and points follow from the rubric,
/// so they are worked out when read. A score is graded for every window after every change of an agent, and the full
/// scores took five times the memory of the values.
/// </summary>
internal sealed class GradedIndicators(Rubric rubric, double[] values) : IReadOnlyList<IndicatorScore>
{
    public int Count => rubric.Ordered.Length;

    public IndicatorScore this[int index]
    {
        get
        {
            var value = values[index];
            if (double.IsNaN(value)) return rubric.NoData[index];
            var indicator = rubric.Ordered[index];
            var band = indicator.Grade(value);
            return new IndicatorScore(indicator.Id, indicator.DimensionId, value, band, rubric.Points.For(band));
        }
    }

    public IEnumerator<IndicatorScore> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
