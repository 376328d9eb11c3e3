namespace Realtime.LoadTest;

/// <summary>The sweep baseline's result for one interval.</summary>
/// <param name="IntervalSec">Seconds between sweeps.</param>
/// <param name="Latency">From each due instant to the end of the sweep that found it.</param>
/// <param name="Sweeps">Sweeps run.</param>
/// <param name="SlowestSweepMs">Longest single sweep query.</param>
public sealed record SweepFigure(int IntervalSec, LatencySummary Latency, int Sweeps, double SlowestSweepMs);
