using System.Collections.Concurrent;
using Realtime.Domain.Kpis;

namespace Realtime.Grains.Complaints;

/// <summary>
/// Which complaints are open, by team: a small in-memory index that complaint grains keep current at the end of every
/// turn that changes them, so boards can list and order open complaints without activating every grain, and teams
/// count their open, paused and breached complaints without keeping (and persisting) a copy of the list.
/// It is derived data: after a restart it is rebuilt from the complaint summaries stored with the deadline index.
/// </summary>
public sealed class OpenComplaintDirectory
{
    // Many locks and room to start with: every complaint turn updates this, and a resize holds every lock while it rehashes.
    private readonly ConcurrentDictionary<string, OpenComplaintSummary> _open = new(concurrencyLevel: 64, capacity: 65_536, StringComparer.Ordinal);
    // Counts by team, each team's three moved together under its own lock: every complaint turn moves one, so a single
    // floor-wide lock was the most contended in the server (a profile of ingest put 30 % of lock spinning there).
    private readonly ConcurrentDictionary<string, TeamTally> _byTeam = new(StringComparer.Ordinal);

    /// <summary>Open complaints on the floor.</summary>
    public int Count => _open.Count;

    /// <summary>Whether <paramref name="complaintId"/> is listed.</summary>
    public bool Contains(string complaintId) => _open.ContainsKey(complaintId);

    /// <summary>Where each change also goes: the other silos' directories (set by the cluster's fan-out; null on one silo).</summary>
    public Action<string, OpenComplaintSummary?>? Replicate { get; set; }

    /// <summary>Records the current summary of a complaint (null: it is no longer open), here and on every other silo.</summary>
    public void Update(string complaintId, OpenComplaintSummary? summary)
    {
        UpdateLocal(complaintId, summary);
        Replicate?.Invoke(complaintId, summary);
    }

    /// <summary>Records a change another silo's complaint made (or a stored summary read back at start), on this silo only.</summary>
    public void UpdateLocal(string complaintId, OpenComplaintSummary? summary)
    {
        OpenComplaintSummary? old;
        if (summary is null)
        {
            if (!_open.TryRemove(complaintId, out old)) return;
        }
        else
        {
            // Swap and learn what was replaced in one step, so two writers of one complaint can never both count the
            // same old summary out (a complaint's own turns are serial, but the counts must not depend on that).
            while (true)
            {
                if (_open.TryGetValue(complaintId, out old))
                {
                    if (_open.TryUpdate(complaintId, summary, old)) break;
                }
                else if (_open.TryAdd(complaintId, summary))
                {
                    old = null;
                    break;
                }
            }
        }
        if (old?.TeamId is { } team && team == summary?.TeamId)
        {
            // Same team: one move, so a reader never sees the complaint gone from its team in between.
            TallyOf(team).Add(Contribution(summary, +1) + Contribution(old, -1));
            return;
        }
        if (old?.TeamId is { } from) TallyOf(from).Add(Contribution(old, -1));
        if (summary?.TeamId is { } to) TallyOf(to).Add(Contribution(summary, +1));
    }

    /// <summary>How many complaints of <paramref name="teamId"/> are open, paused and breached now.</summary>
    public OpenComplaintCounts CountsOf(string teamId) => _byTeam.TryGetValue(teamId, out var tally) ? tally.Read() : default;

    /// <summary>The same for every team together (complaints without a team are not on any team's board).</summary>
    public OpenComplaintCounts FloorCounts() => _byTeam.Values.Aggregate(default(OpenComplaintCounts), (sum, t) => sum + t.Read());

    /// <summary>Open complaints, optionally of one team and/or one agent, most urgent first, at most <paramref name="limit"/>, and how many match in all.</summary>
    public (IReadOnlyList<OpenComplaintSummary> Items, int Total) Query(string? teamId, string? agentId, int limit)
    {
        var matching = _open.Values.Where(s => (teamId is null || s.TeamId == teamId) && (agentId is null || s.AgentId == agentId)).ToList();
        matching.Sort(OpenComplaintSummary.CompareUrgency);
        return (matching.Count > limit ? matching.GetRange(0, limit) : matching, matching.Count);
    }

    /// <summary>Counts of open, paused and breached complaints by team (teams with none open are left out).</summary>
    public IReadOnlyDictionary<string, OpenComplaintCounts> CountsByTeam()
    {
        var counts = new Dictionary<string, OpenComplaintCounts>(StringComparer.Ordinal);
        foreach (var (team, tally) in _byTeam)
        {
            var c = tally.Read();
            if (c.Open != 0) counts[team] = c;
        }
        return counts;
    }

    // A team's tally stays once created (teams are few and long-lived); a team with none open reads as zero.
    private TeamTally TallyOf(string team) => _byTeam.GetOrAdd(team, static _ => new TeamTally());

    private static OpenComplaintCounts Contribution(OpenComplaintSummary summary, int delta) =>
        new(delta, summary.Paused ? delta : 0, summary.Breached ? delta : 0);

    /// <summary>One team's counts; the three always move together, so a reader never sees more paused than open.</summary>
    private sealed class TeamTally
    {
        private readonly Lock _gate = new();
        private OpenComplaintCounts _counts;

        public void Add(OpenComplaintCounts delta)
        {
            lock (_gate) _counts += delta;
        }

        public OpenComplaintCounts Read()
        {
            lock (_gate) return _counts;
        }
    }
}
