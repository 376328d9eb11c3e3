using System.Collections;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// A scorecard's dimension scores, held as the scores only (NaN: no score) after the indicator values in the same
/// array: id and weights come from the rubric, the effective weight from the covered weight.
/// </summary>
internal sealed class GradedDimensions(Rubric rubric, double[] graded, int offset, double coveredWeight) : IReadOnlyList<DimensionScore>
{
    public int Count => rubric.Dimensions.Count;

    public DimensionScore this[int index]
    {
        get
        {
            var dimension = rubric.Dimensions[index];
            var score = graded[offset + index];
            var hasScore = !double.IsNaN(score);
            return new DimensionScore(dimension.Id, dimension.Weight, hasScore ? score : null,
                hasScore && dimension.Weight > 0 ? dimension.Weight / coveredWeight : null);
        }
    }

    public IEnumerator<DimensionScore> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
