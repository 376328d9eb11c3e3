namespace Realtime.LoadTest;

/// <summary>Latency of the breaches due in one second of the alert window.</summary>
/// <param name="Second">Seconds from the window's start.</param>
/// <param name="Breaches">Breaches due in that second.</param>
/// <param name="P99Ms">Their p99 latency.</param>
/// <param name="MaxMs">Their largest.</param>
public sealed record SecondOfWindow(int Second, int Breaches, double P99Ms, double MaxMs);
