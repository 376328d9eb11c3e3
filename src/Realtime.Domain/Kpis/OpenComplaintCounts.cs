namespace Realtime.Domain.Kpis;

/// <summary>How many of a team's (or the floor's) complaints are open now, how many of those are paused and how many have a breached clock.</summary>
/// <param name="Open">Complaints open now (paused ones included).</param>
/// <param name="Paused">Open complaints whose clocks are paused.</param>
/// <param name="Breached">Open complaints with at least one breached clock.</param>
public readonly record struct OpenComplaintCounts(int Open, int Paused, int Breached)
{
    /// <summary>The counts of two scopes together.</summary>
    public static OpenComplaintCounts operator +(OpenComplaintCounts a, OpenComplaintCounts b) =>
        new(a.Open + b.Open, a.Paused + b.Paused, a.Breached + b.Breached);
}
