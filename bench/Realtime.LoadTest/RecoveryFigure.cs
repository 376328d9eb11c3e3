namespace Realtime.LoadTest;

/// <summary>The recovery scenario's outcome.</summary>
/// <param name="OpenComplaints">Open complaints stored when the server was killed, every one with a deadline that passed while it was down.</param>
/// <param name="LoadSeconds">Time to open them.</param>
/// <param name="ReadySeconds">From starting the process again to <c>/health</c> 200.</param>
/// <param name="OverdueFiredSeconds">From starting the process again until the server had recorded every overdue breach (NaN when not all within the limit).</param>
/// <param name="Fired">Overdue breaches the server had recorded when the scenario stopped watching (<c>GET /api/teams</c>, breached complaints).</param>
/// <param name="LastFiredSeconds">From starting the process again to the last breach recorded (polled every 100 ms).</param>
/// <param name="NotFired">Overdue deadlines not fired when the scenario gave up.</param>
/// <param name="LimitSeconds">How long after /health 200 the scenario waited.</param>
/// <param name="PushedToFloor">Overdue breaches a floor subscriber received as slaBreached pushes.</param>
/// <param name="FloorResyncs">Times that subscriber was told to reload (<c>resync</c>) because it fell behind the burst.</param>
/// <param name="BytesPerOpenComplaint">Server RSS per open idle complaint before the kill (after <see cref="RecoveryScenario.IdleWait"/> and an induced full GC), PostgreSQL engine: the memory figure.</param>
/// <param name="LoadAverage">1-minute load average at the end.</param>
public sealed record RecoveryFigure(int OpenComplaints, double LoadSeconds, double ReadySeconds, double OverdueFiredSeconds, long Fired, double LastFiredSeconds, long NotFired, double LimitSeconds,
    long PushedToFloor, long FloorResyncs, double BytesPerOpenComplaint, double LoadAverage);
