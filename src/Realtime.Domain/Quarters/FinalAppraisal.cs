namespace Realtime.Domain.Quarters;

/// <summary>
/// The arithmetic of the final appraisal (domain.md "Final appraisal"): final score = self total × 30 % +
/// supervisor total × 70 %, rounded to <see cref="Decimals"/> decimals; no final score when either total is missing.
/// Ranks are competition ranks ("1224"): equal scores share a rank, the next rank skips.
/// </summary>
public static class FinalAppraisal
{
    /// <summary>The weight of the self-assessment total.</summary>
    public const double SelfWeight = 0.3;

    /// <summary>The weight of the supervisor total.</summary>
    public const double SupervisorWeight = 0.7;

    /// <summary>Decimals every computed number of a snapshot is rounded to (half away from zero).</summary>
    public const int Decimals = 4;

    /// <summary>The final score, or null when <paramref name="selfTotal"/> or <paramref name="supervisorTotal"/> is missing.</summary>
    public static double? FinalScore(double? selfTotal, double? supervisorTotal) =>
        selfTotal is { } self && supervisorTotal is { } supervisor ? Round(self * SelfWeight + supervisor * SupervisorWeight) : null;

    /// <summary><paramref name="value"/> rounded to <see cref="Decimals"/> decimals, half away from zero; null stays null.</summary>
    public static double? Round(double? value) => value is { } v ? Round(v) : null;

    /// <summary><paramref name="value"/> rounded to <see cref="Decimals"/> decimals, half away from zero.</summary>
    public static double Round(double value)
    {
        var rounded = Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
        // Negative zero would print as "-0" and change the bytes of a snapshot.
        return rounded == 0 ? 0 : rounded;
    }

    /// <summary>
    /// Competition ranks of <paramref name="scores"/> (higher is better): 1 + the number of strictly higher scores.
    /// A null score gets a null rank.
    /// </summary>
    public static int?[] Ranks(IReadOnlyList<double?> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var known = new double[scores.Count];
        var count = 0;
        foreach (var score in scores)
        {
            if (score is { } s) known[count++] = s;
        }

        // Ascending, so the scores strictly higher than s are those after the last one that is <= s (a floor has
        // thousands of agents: a binary search each instead of a scan each).
        Array.Sort(known, 0, count);
        var ranks = new int?[scores.Count];
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] is not { } score) continue;
            ranks[i] = count - UpperBound(known, count, score) + 1;
        }

        return ranks;
    }

    /// <summary>The index of the first of the <paramref name="count"/> ascending <paramref name="sorted"/> values greater than <paramref name="value"/>.</summary>
    private static int UpperBound(double[] sorted, int count, double value)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid] <= value) low = mid + 1;
            else high = mid;
        }

        return low;
    }
}
