namespace Realtime.LoadTest;

/// <summary>The fan-out scenario's outcome.</summary>
/// <param name="Clients">Connected dashboard clients, all subscribed to floor.</param>
/// <param name="Probes">Events timed.</param>
/// <param name="Latency">From sending the event to its slaBreached arriving at each client (probes × clients samples).</param>
/// <param name="Missing">Pushes that never arrived.</param>
/// <param name="LoadAverage">1-minute load average at the end.</param>
public sealed record PushFigure(int Clients, int Probes, LatencySummary Latency, long Missing, double LoadAverage);
