namespace Realtime.LoadTest;

/// <summary>The alert scenario's outcome on one engine.</summary>
/// <param name="Engine">memory or postgres.</param>
/// <param name="OpenComplaints">Complaints opened (all open when the window starts).</param>
/// <param name="Latency">dueAt → slaBreached arrival at the floor subscriber, of the breaches that were due after their complaint was acknowledged.</param>
/// <param name="Missing">Breaches that never arrived before the scenario gave up.</param>
/// <param name="DueBeforeOpened">Complaints whose deadline passed before their open was acknowledged (loading overran the lead time); excluded from <paramref name="Latency"/>.</param>
/// <param name="LoadSeconds">Time to open all of them.</param>
/// <param name="WindowSeconds">The span their deadlines were spread over.</param>
/// <param name="ServerCpuCoresInWindow">Server CPU time over wall time while the deadlines fired.</param>
/// <param name="Sweeps">The sweep baseline over the same due instants, same window.</param>
/// <param name="LoadAverage">1-minute load average at the end.</param>
/// <param name="Detection">dueAt → the server's <c>detectedAt</c> (the breach's turn): the scheduler, activation and turn queue.</param>
/// <param name="Delivery">detectedAt → arrival at the subscriber: the push through SignalR (same machine, same clock).</param>
/// <param name="SlowestSeconds">The seconds of the window (by due time, from its start) with the highest p99, worst first: a tail that
/// gathers in a few seconds points at a pause (GC, a checkpoint, a sweep), one spread evenly at a steady cost.</param>
/// <param name="Gc">The server's collections in the window.</param>
/// <param name="SubscriberResyncs">Times the server told the floor subscriber it fell behind (<c>resync</c>): a cause of missing breaches.</param>
/// <param name="SubscriberMissed">Messages the server dropped for it.</param>
/// <param name="SubscriberReconnects">Times its connection was lost and opened again (breaches pushed meanwhile count as missing).</param>
public sealed record AlertFigure(string Engine, int OpenComplaints, LatencySummary Latency, long Missing, long DueBeforeOpened, double LoadSeconds,
    double WindowSeconds, double ServerCpuCoresInWindow, List<SweepFigure> Sweeps, double LoadAverage,
    LatencySummary Detection, LatencySummary Delivery, List<SecondOfWindow> SlowestSeconds, GcInWindow? Gc, long SubscriberResyncs, long SubscriberMissed,
    long SubscriberReconnects);
