namespace Realtime.LoadTest;

/// <summary>Latency figures of a set of samples, in milliseconds.</summary>
/// <param name="Count">How many samples.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="P999Ms">99.9th percentile.</param>
/// <param name="MaxMs">Largest.</param>
/// <param name="MinMs">Smallest (negative would mean a message arrived before its due instant).</param>
public sealed record LatencySummary(long Count, double P50Ms, double P99Ms, double P999Ms, double MaxMs, double MinMs)
{
    /// <summary>Nearest-rank percentiles of <paramref name="samplesMs"/> (sorted in place).</summary>
    public static LatencySummary Of(double[] samplesMs)
    {
        if (samplesMs.Length == 0) return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        Array.Sort(samplesMs);
        double At(double q) => samplesMs[Math.Clamp((int)Math.Ceiling(q * samplesMs.Length) - 1, 0, samplesMs.Length - 1)];
        return new LatencySummary(samplesMs.Length, Round(At(0.50)), Round(At(0.99)), Round(At(0.999)), Round(samplesMs[^1]), Round(samplesMs[0]));
    }

    private static double Round(double v) => Math.Round(v, 2);
}
