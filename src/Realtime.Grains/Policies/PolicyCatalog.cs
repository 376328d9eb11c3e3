using System.Collections.Concurrent;
using Realtime.Domain.Cases;
using Realtime.Domain.Clocks;
using Realtime.Domain.Policies;

namespace Realtime.Grains.Policies;

/// <summary>
/// The clock policies this silo knows, by version: the configured ones (<see cref="CurrentComplaints"/>,
/// <see cref="CurrentCases"/>), which new complaints and cases take, and every earlier one seen since start, which running
/// ones keep until a recalculation moves them. The host publishes a new configuration with <see cref="Publish"/>.
/// </summary>
public sealed class PolicyCatalog
{
    private readonly ConcurrentDictionary<string, SlaPolicy> _complaints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CasePolicy> _cases = new(StringComparer.Ordinal);
    private volatile Pair _current;

    /// <summary>A catalog whose configured policies are <paramref name="complaints"/> and <paramref name="cases"/>.</summary>
    public PolicyCatalog(SlaPolicy complaints, CasePolicy cases)
    {
        _current = Add(complaints, cases);
    }

    /// <summary>The configured complaint clocks: what new complaints take.</summary>
    public SlaPolicy CurrentComplaints => _current.Complaints;

    /// <summary>The configured case clocks: what new cases take.</summary>
    public CasePolicy CurrentCases => _current.Cases;

    /// <summary>Raised after <see cref="Publish"/> changed a version.</summary>
    public event Action? Changed;

    /// <summary>Makes <paramref name="complaints"/> and <paramref name="cases"/> the configured policies; true when a version moved.</summary>
    public bool Publish(SlaPolicy complaints, CasePolicy cases)
    {
        var before = _current;
        var after = Add(complaints, cases);
        _current = after;
        var moved = PolicyVersion.Of(before.Complaints) != PolicyVersion.Of(after.Complaints) || PolicyVersion.Of(before.Cases) != PolicyVersion.Of(after.Cases);
        if (moved) Changed?.Invoke();
        return moved;
    }

    /// <summary>
    /// The complaint policy of <paramref name="version"/>: the configured one when null (state from before versions) or not
    /// known here (a version of an earlier run of the server; policies are not stored, so a restart applies the configuration).
    /// </summary>
    public SlaPolicy ComplaintsOf(string? version) => version is not null && _complaints.TryGetValue(version, out var policy) ? policy : CurrentComplaints;

    /// <summary>The case policy of <paramref name="version"/>, as <see cref="ComplaintsOf"/>.</summary>
    public CasePolicy CasesOf(string? version) => version is not null && _cases.TryGetValue(version, out var policy) ? policy : CurrentCases;

    /// <summary>Every case type any known case policy has clocks for.</summary>
    public IReadOnlyList<string> KnownCaseTypes => _cases.Values.SelectMany(p => p.CaseTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private Pair Add(SlaPolicy complaints, CasePolicy cases)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        ArgumentNullException.ThrowIfNull(cases);
        // The first instance of a version stays: grains compare versions, not instances.
        return new Pair(_complaints.GetOrAdd(PolicyVersion.Of(complaints), complaints), _cases.GetOrAdd(PolicyVersion.Of(cases), cases));
    }

    private sealed record Pair(SlaPolicy Complaints, CasePolicy Cases);
}
