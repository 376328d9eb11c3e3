using Realtime.Domain.Calendars;

namespace Realtime.Domain.BreachCauses;

/// <summary>
/// The explained breaches of the floor, one per subject and clock (a new explanation of the same breach replaces the old,
/// so telling again is harmless), summed per reason, team and agent over any range of breach days. Plain data for
/// System.Text.Json; breaches older than <see cref="KeptDays"/> before the latest are dropped.
/// </summary>
public sealed class BreachCauseLedger
{
    /// <summary>How many days are kept: a quarter to date and then some.</summary>
    public const int KeptDays = 100;

    /// <summary>The explained breaches by <see cref="BreachCause.Key"/>.</summary>
    public Dictionary<string, BreachCause> Causes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="cause"/>, replacing an earlier explanation of the same breach; false when nothing changed.</summary>
    public bool Record(BreachCause cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        if (Causes.TryGetValue(cause.Key, out var old) && old == cause) return false;
        Causes[cause.Key] = cause;
        var oldest = Causes.Values.Max(c => c.Day).AddDays(-KeptDays);
        foreach (var key in Causes.Where(p => p.Value.Day < oldest).Select(p => p.Key).ToList()) Causes.Remove(key);
        return true;
    }

    /// <summary>
    /// The breaches of <paramref name="range"/> (of <paramref name="teamId"/> when given; of subjects whose key starts with
    /// <paramref name="keyPrefix"/>, e.g. <c>complaint:</c>, when given), per reason, team and agent.
    /// </summary>
    public BreachCauseSummary Summarize(LocalDateRange range, string? teamId = null, string? keyPrefix = null)
    {
        var causes = Causes.Values.Where(c => c.Day >= range.First && c.Day <= range.Last && (teamId is null || c.TeamId == teamId)
            && (keyPrefix is null || c.Key.StartsWith(keyPrefix, StringComparison.Ordinal))).ToList();
        return new BreachCauseSummary(
            causes.Count,
            CountReasons(causes),
            causes.GroupBy(c => c.TeamId ?? "", StringComparer.Ordinal).Select(g => Count(g.Key, g.Key, g.ToList())).OrderByDescending(c => c.Total).ThenBy(c => c.Id, StringComparer.Ordinal).ToList(),
            causes.GroupBy(c => (c.AgentId ?? "", c.TeamId)).Select(g => Count(g.Key.Item1, g.Key.TeamId, g.ToList())).OrderByDescending(c => c.Total).ThenBy(c => c.Id, StringComparer.Ordinal).ToList());
    }

    private static BreachCauseCount Count(string id, string? teamId, List<BreachCause> causes) => new(id, teamId, causes.Count, CountReasons(causes));

    private static SortedDictionary<string, int> CountReasons(IEnumerable<BreachCause> causes)
    {
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var cause in causes) reasons[cause.ReasonCode] = reasons.GetValueOrDefault(cause.ReasonCode) + 1;
        return reasons;
    }
}
