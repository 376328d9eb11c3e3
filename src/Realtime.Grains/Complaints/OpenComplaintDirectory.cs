using System.Collections.Concurrent;
using System.Text.Json;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Kpis;

namespace Realtime.Grains.Complaints;

/// <summary>What a board needs to know of one open complaint to order it by urgency without activating it.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="TeamId">Its team.</param>
/// <param name="AgentId">Its current owner.</param>
/// <param name="Paused">Whether it is waiting on the customer.</param>
/// <param name="Breached">Whether any clock has breached.</param>
/// <param name="MostUrgentDueAt">The earliest due instant of its running clocks (null when none runs).</param>
public sealed record OpenComplaintSummary(string ComplaintId, string? TeamId, string? AgentId, bool Paused, bool Breached, DateTimeOffset? MostUrgentDueAt)
{
    /// <summary>The summary of <paramref name="view"/>; null when it is resolved (no longer open).</summary>
    public static OpenComplaintSummary? From(ComplaintView view)
    {
        if (view.Status == ComplaintStatus.Resolved) return null;
        // Every complaint turn builds one: loops, not iterators and closures.
        var breached = false;
        DateTimeOffset? mostUrgent = null;
        foreach (var clock in view.Clocks)
        {
            breached |= clock.State == ClockState.Breached;
            if (clock.State == ClockState.Running && clock.DueAt is { } due && (mostUrgent is null || due < mostUrgent)) mostUrgent = due;
        }
        return new(view.Id, view.TeamId, view.AgentId, view.Status == ComplaintStatus.Paused, breached, mostUrgent);
    }

    /// <summary>
    /// Reads a summary as <see cref="GrainJson"/> writes it (the deadline index stores them so). A restart reads one per
    /// open complaint, a million in a large centre: this reader of the known shape takes a fifth of the general
    /// serializer's time; anything else (a property it does not know) goes to the serializer.
    /// </summary>
    public static OpenComplaintSummary? FromJson(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return Deserialize(utf8);
        string? id = null, team = null, agent = null;
        bool paused = false, breached = false;
        DateTimeOffset? due = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("complaintId"u8)) id = reader.Read() ? reader.GetString() : null;
            else if (reader.ValueTextEquals("teamId"u8)) team = reader.Read() ? reader.GetString() : null;
            else if (reader.ValueTextEquals("agentId"u8)) agent = reader.Read() ? reader.GetString() : null;
            else if (reader.ValueTextEquals("paused"u8)) paused = reader.Read() && reader.GetBoolean();
            else if (reader.ValueTextEquals("breached"u8)) breached = reader.Read() && reader.GetBoolean();
            else if (reader.ValueTextEquals("mostUrgentDueAt"u8)) due = reader.Read() && reader.TokenType != JsonTokenType.Null ? reader.GetDateTimeOffset() : null;
            else return Deserialize(utf8);
        }
        if (reader.TokenType != JsonTokenType.EndObject || id is null) return Deserialize(utf8);
        return new(id, team, agent, paused, breached, due);
    }

    private static OpenComplaintSummary? Deserialize(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<OpenComplaintSummary>(utf8, GrainJson.Options);

    /// <summary>Board order: breached first, then the least time left (paused ones have none running and come last).</summary>
    public static int CompareUrgency(OpenComplaintSummary? a, OpenComplaintSummary? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : 1) : -1;
        var c = b.Breached.CompareTo(a.Breached);
        if (c != 0) return c;
        c = (a.MostUrgentDueAt ?? DateTimeOffset.MaxValue).CompareTo(b.MostUrgentDueAt ?? DateTimeOffset.MaxValue);
        return c != 0 ? c : string.CompareOrdinal(a.ComplaintId, b.ComplaintId);
    }
}

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
