using Realtime.Domain.Clocks;

namespace Realtime.Domain.Cases;

/// <summary>The clocks of every generic case type (complaints keep <see cref="SlaPolicy"/>).</summary>
public sealed record CasePolicy
{
    /// <summary>No case clocks.</summary>
    public static CasePolicy Empty { get; } = new() { Clocks = [] };

    /// <summary>Every case clock, in name order.</summary>
    public required IReadOnlyList<CaseClockPolicy> Clocks { get; init; }

    /// <summary>
    /// The escalation chain a breached case clock climbs: the complaints' <c>Sla:Escalation</c> (same delays, roles and
    /// <see cref="EscalationPolicy.StopWhenClockStops"/>), so the floor has one chain.
    /// </summary>
    public EscalationPolicy Escalation { get; init; } = EscalationPolicy.Default;

    /// <summary>How late a signal may be detected before it is marked late (as <see cref="SlaPolicy.LateTolerance"/>).</summary>
    public TimeSpan LateTolerance { get; init; } = SlaPolicy.DefaultLateTolerance;

    /// <summary>The case types that have clocks, in order.</summary>
    public IReadOnlyList<string> CaseTypes => Clocks.Select(c => c.CaseType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The clocks of <paramref name="caseType"/> (ordinal), in policy order.</summary>
    public IReadOnlyList<CaseClockPolicy> ClocksOf(string? caseType) =>
        caseType is null ? [] : Clocks.Where(c => string.Equals(c.CaseType, caseType, StringComparison.Ordinal)).ToArray();
}
