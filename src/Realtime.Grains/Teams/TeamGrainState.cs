using Realtime.Domain.Kpis;

namespace Realtime.Grains.Teams;

/// <summary>What a team grain persists.</summary>
public sealed class TeamGrainState
{
    /// <summary>The KPI history; null before the first event.</summary>
    public TeamActivity? Activity { get; set; }

    /// <summary>The agents seen working for the team (unordered: every event tests membership, answers sort).</summary>
    public HashSet<string> Agents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Highest journal sequence applied.</summary>
    public long AppliedSequence { get; set; }

    /// <summary>Complaint facts recently recorded.</summary>
    public RecentKeys RecentFacts { get; set; } = new();

    /// <summary>Whether the floor grain knows this team.</summary>
    public bool RegisteredWithFloor { get; set; }
}
