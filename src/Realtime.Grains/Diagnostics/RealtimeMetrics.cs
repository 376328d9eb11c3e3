using System.Diagnostics.Metrics;

namespace Realtime.Grains.Diagnostics;

/// <summary>
/// Realtime's own instruments (meter <see cref="MeterName"/>), exported with ASP.NET Core's, the runtime's and Orleans'
/// over OpenTelemetry (<c>/metrics</c>, OTLP). One meter for the process: several silos of a test share it.
/// </summary>
public static class RealtimeMetrics
{
    /// <summary>The meter's name (add it to an OpenTelemetry meter provider).</summary>
    public const string MeterName = "Realtime";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Events journaled and applied (duplicates not counted).</summary>
    public static readonly Counter<long> EventsIngested = Meter.CreateCounter<long>("realtime.ingest.events", "{event}", "Events journaled and applied.");

    /// <summary>How long one group commit of the journal took.</summary>
    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("realtime.ingest.commit.duration", "ms", "Duration of one journal group commit.");

    /// <summary>How late a deadline woke its grain after its due time.</summary>
    public static readonly Histogram<double> DeadlineFireLateness = Meter.CreateHistogram<double>("realtime.deadline.fire.lateness", "ms", "From a deadline's due time to its wake-up.");

    /// <summary>How late a warning, breach or escalation was published after its due time.</summary>
    public static readonly Histogram<double> DeadlinePushLateness = Meter.CreateHistogram<double>("realtime.deadline.push.lateness", "ms", "From a deadline's due time to its push.");

    /// <summary>Deadlines a silo took over from a silo that left, and journal replays after a death.</summary>
    public static readonly Counter<long> Failovers = Meter.CreateCounter<long>("realtime.cluster.failovers", "{failover}", "Dead silos whose deadlines or journal were taken over (tag: part).");

    /// <summary>Deadlines armed here that a dead or stopping silo held.</summary>
    public static readonly Counter<long> DeadlinesTakenOver = Meter.CreateCounter<long>("realtime.cluster.deadlines.taken_over", "{deadline}", "Deadlines armed here that another silo held.");
}
