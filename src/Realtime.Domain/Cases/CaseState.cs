using Realtime.Domain.Complaints;

namespace Realtime.Domain.Cases;

/// <summary>
/// Everything a generic case knows, as plain data that round-trips through System.Text.Json (save it, reload it, wrap it
/// again in a <see cref="Case"/>). Mutate it only through <see cref="Case"/>.
/// </summary>
public sealed class CaseState
{
    /// <summary>The case id (<c>caseId</c> of its events).</summary>
    public string Id { get; set; } = "";

    /// <summary>The case type from <c>case.opened</c> (e.g. <c>claim</c>); null until that event is known.</summary>
    public string? CaseType { get; set; }

    /// <summary>The case's own events, sorted by occurrence, ties in arrival order.</summary>
    public List<CaseEventEntry> Events { get; set; } = [];

    /// <summary>Warnings already signalled.</summary>
    public List<WarningRecord> Warnings { get; set; } = [];

    /// <summary>Breaches already signalled.</summary>
    public List<BreachRecord> Breaches { get; set; } = [];

    /// <summary>Escalation levels already signalled, in order, so a replay or a repeated deadline never climbs twice.</summary>
    public List<CaseEscalationRecord> Escalations { get; set; } = [];

    /// <summary>A copy whose lists can change without touching this one (their entries are immutable records).</summary>
    internal CaseState Copy()
    {
        var copy = (CaseState)MemberwiseClone();
        copy.Events = [.. Events];
        copy.Warnings = [.. Warnings];
        copy.Breaches = [.. Breaches];
        copy.Escalations = [.. Escalations];
        return copy;
    }
}
