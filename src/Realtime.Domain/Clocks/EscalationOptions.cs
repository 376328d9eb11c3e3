namespace Realtime.Domain.Clocks;

/// <summary>The escalation chain override under <c>Sla:Escalation</c>.</summary>
public sealed class EscalationOptions
{
    /// <summary>The delays when <see cref="Delays"/> is not configured: <c>["00:00:00", "04:00:00", "24:00:00"]</c>.</summary>
    public static IReadOnlyList<TimeSpan> DefaultDelays => EscalationPolicy.Default.Delays;

    /// <summary>
    /// Offsets from the breach for team lead, deputy director, director, e.g. <c>["00:00:00", "04:00:00", "24:00:00"]</c>;
    /// null (the key absent) keeps <see cref="DefaultDelays"/>, so a configured list replaces the default whole.
    /// </summary>
    public TimeSpan[]? Delays { get; set; }

    /// <summary>Whether the chain stops climbing once the breached clock has stopped (<c>Sla:Escalation:StopWhenClockStops</c>; default true).</summary>
    public bool? StopWhenClockStops { get; set; }
}
