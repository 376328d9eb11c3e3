namespace Realtime.Domain.Clocks;

/// <summary>One clock's overrides under <c>Sla:Clocks:&lt;name&gt;</c>; null keeps the default.</summary>
public sealed class ClockOptions
{
    /// <summary>Target running time, e.g. <c>00:02:00</c> or <c>2.00:00:00</c>.</summary>
    public TimeSpan? Target { get; set; }
    /// <summary>The warning fractions of a clock whose <see cref="WarnAt"/> is not configured: <c>[0.5, 0.75, 0.9]</c>.</summary>
    public static IReadOnlyList<double> DefaultWarnAt => ClockPolicy.DefaultWarnAt;

    /// <summary>
    /// Warning fractions of the target, e.g. <c>[0.5, 0.75, 0.9]</c>; an empty list turns warnings off. Null (the key absent)
    /// keeps the clock's default (<see cref="DefaultWarnAt"/>), which lives here in code so that a configured list replaces it whole.
    /// </summary>
    public double[]? WarnAt { get; set; }
    /// <summary>Whether <c>complaint.paused</c> stops the clock.</summary>
    public bool? Pausable { get; set; }
    /// <summary>Wire name of the start event, e.g. <c>complaint.opened</c>.</summary>
    public string? StartEvent { get; set; }
    /// <summary>Wire name of the stop event, e.g. <c>complaint.responded</c>.</summary>
    public string? StopEvent { get; set; }
    /// <summary><c>Resume</c> or <c>Restart</c>.</summary>
    public string? OnReopen { get; set; }
    /// <summary>Whether the clock's breach starts the escalation chain.</summary>
    public bool? Escalates { get; set; }
    /// <summary>
    /// The name of a working calendar under <c>Calendars</c> (e.g. <c>cn</c>) whose working time the clock counts;
    /// unset keeps the built-in clock's (24×7), empty counts 24×7.
    /// </summary>
    public string? Calendar { get; set; }

    /// <summary>
    /// The case type the clock times (<c>claim</c>, <c>followup</c> …); unset or <c>complaint</c> makes a complaint clock.
    /// A case clock names <c>case.*</c> events: <c>case.opened</c>, <c>case.step:&lt;step&gt;</c>, <c>case.closed</c>.
    /// </summary>
    public string? CaseType { get; set; }

    /// <summary>The event that pauses a case clock (default <c>case.paused</c> unless <see cref="Pausable"/> is false).</summary>
    public string? PauseEvent { get; set; }

    /// <summary>The event that resumes a case clock (default <c>case.resumed</c>).</summary>
    public string? ResumeEvent { get; set; }

    /// <summary>A condition on the case's attributes at the clock's start, e.g. <c>amount &lt; 3000 and injury == false</c>.</summary>
    public string? When { get; set; }

    /// <summary>"At least N steps" that also meet a case clock, e.g. <c>{ "Step": "followedUp", "AtLeast": 3 }</c>.</summary>
    public CaseCountOptions? Count { get; set; }

    /// <summary>Whether this clock times a generic case rather than a complaint.</summary>
    public bool IsCaseClock => !string.IsNullOrWhiteSpace(CaseType) && !string.Equals(CaseType.Trim(), "complaint", StringComparison.OrdinalIgnoreCase);
}
