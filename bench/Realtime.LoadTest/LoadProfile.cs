namespace Realtime.LoadTest;

/// <summary>The sizes of one harness run: <c>--quick</c> (under 5 minutes on 2 cores) or <c>--full</c> (up to 30).</summary>
/// <param name="Name">quick or full.</param>
/// <param name="OpenComplaints">Open complaints in the alert, memory and recovery scenarios.</param>
/// <param name="AlertWindow">The span the deadlines are spread over (at least the longest sweep interval, so each sweep sees a full cycle).</param>
/// <param name="IngestEvents">Events posted per batch size: size 1, size 100, size 1,000.</param>
/// <param name="IngestTimeLimit">Longest time one ingest measurement may take (it stops early and reports what was acknowledged).</param>
/// <param name="PushClients">Connected dashboard clients in the fan-out scenario.</param>
/// <param name="PushProbes">Events whose pushes are timed in the fan-out scenario.</param>
/// <param name="CopyRows">Rows of the raw COPY ceiling.</param>
/// <param name="AlertEngines">Storage engines the alert scenario runs on.</param>
public sealed record LoadProfile(
    string Name,
    int OpenComplaints,
    TimeSpan AlertWindow,
    int[] IngestEvents,
    TimeSpan IngestTimeLimit,
    int PushClients,
    int PushProbes,
    int CopyRows,
    string[] AlertEngines)
{
    /// <summary>Sweep intervals of the incumbent baseline: the best incumbent case (60 s) and a short one (5 s).</summary>
    public static readonly int[] SweepIntervalsSeconds = [60, 5];

    /// <summary>Batch sizes of the ingest scenario and the concurrent clients posting each.</summary>
    public static readonly (int BatchSize, int Clients)[] IngestShapes = [(1, 32), (100, 8), (1000, 4)];

    /// <summary>Under 5 minutes on this 2-core machine.</summary>
    public static LoadProfile Quick { get; } = new("quick", 100_000, TimeSpan.FromSeconds(60), [15_000, 100_000, 200_000], TimeSpan.FromSeconds(8), 100, 100, 200_000, ["postgres"]);

    /// <summary>Up to 30 minutes.</summary>
    public static LoadProfile Full { get; } = new("full", 1_000_000, TimeSpan.FromSeconds(120), [50_000, 400_000, 1_000_000], TimeSpan.FromSeconds(40), 1_000, 100, 1_000_000, ["memory", "postgres"]);
}
