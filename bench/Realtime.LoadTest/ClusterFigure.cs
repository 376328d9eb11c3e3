namespace Realtime.LoadTest;

/// <summary>The cluster scenario's outcome (<c>--servers 2</c>): two server processes on one PostgreSQL, on this machine.</summary>
/// <param name="OneServerEventsPerSecond">Durable ingest (batches of 1,000, 4 clients) into one server alone.</param>
/// <param name="TwoServersEventsPerSecond">The same into the server that does not host the ingest writer (every request crosses).</param>
/// <param name="OpenComplaints">Complaints whose first-response breaches were timed.</param>
/// <param name="AlertOnWriterServer">dueAt → arrival of <c>slaBreached</c> at a board on the server hosting the complaints.</param>
/// <param name="AlertOnOtherServer">The same at a board on the other server (each push relayed once).</param>
/// <param name="Missing">Breaches that never reached one of the boards.</param>
/// <param name="Orphaned">Complaints held by the killed server whose deadlines fell due 2 s after the kill.</param>
/// <param name="KillToDeclaredDeadSeconds">SIGKILL → the survivor's membership table says dead.</param>
/// <param name="KillToAllOrphanedBreachedSeconds">SIGKILL → the last orphaned breach at the survivor's board.</param>
/// <param name="OrphanedMissing">Orphaned breaches that never arrived.</param>
/// <param name="HangToDeclaredDeadSeconds">SIGSTOP of a server → the membership table says dead.</param>
public sealed record ClusterFigure(double OneServerEventsPerSecond, double TwoServersEventsPerSecond, int OpenComplaints,
    LatencySummary AlertOnWriterServer, LatencySummary AlertOnOtherServer, long Missing, int Orphaned, double KillToDeclaredDeadSeconds,
    double KillToAllOrphanedBreachedSeconds, long OrphanedMissing, double HangToDeclaredDeadSeconds);
