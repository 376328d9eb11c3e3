namespace Realtime.Server.Hosting.Silo;

/// <summary>
/// How fast the cluster declares a silo dead (<c>Orleans:Membership:*</c>, mapped onto Orleans' <c>ClusterMembershipOptions</c>).
/// Orleans' defaults took 10.7 s for a killed silo and 63.8 s for a hung one (SIGSTOP) here; these take about 6 s and
/// 12.5 s, and a silo survives a freeze of about 3 s. Shorter probes detect sooner and kill silos that merely pause longer
/// (a long collector pause, a VM migration): see docs/architecture.md.
/// </summary>
public sealed class SiloMembership
{
    /// <summary>How long a probe waits for its answer (Orleans' default 5 s).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a probe may wait when the prober's own health is degraded (Orleans' default: 4 × <see cref="ProbeTimeout"/>).</summary>
    public TimeSpan MaxProbeTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Missed probes before a silo votes another dead (Orleans' default 3).</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>How often each silo re-reads the membership table (Orleans' default 60 s).</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
