namespace Realtime.LoadTest;

/// <summary>One ingest measurement: a batch size, its clients, what was acknowledged and how fast.</summary>
/// <param name="Engine">memory or postgres.</param>
/// <param name="BatchSize">Events per request.</param>
/// <param name="Clients">Concurrent posting clients.</param>
/// <param name="Events">Events acknowledged (202).</param>
/// <param name="Seconds">Wall time from the first request to the last answer.</param>
/// <param name="EventsPerSecond">Acknowledged events per second.</param>
/// <param name="ServerCpuCores">Server CPU time over wall time (2.0 = both cores).</param>
/// <param name="LoadAverage">1-minute load average at the end.</param>
public sealed record IngestFigure(string Engine, int BatchSize, int Clients, long Events, double Seconds, double EventsPerSecond, double ServerCpuCores, double LoadAverage);
