using Realtime.Domain.Clocks;

namespace Realtime.Domain.Cases;

/// <summary>
/// One clock of a generic case type, as data (<c>Sla:Clocks:&lt;name&gt;</c> with a <c>CaseType</c>): it starts at the first
/// <see cref="Start"/> whose case then satisfies <see cref="When"/>, stops at the first <see cref="Stop"/> after that (or at
/// the <see cref="Count"/>-th counted step, or when the case is closed), pauses and resumes on <see cref="Pause"/> and
/// <see cref="Resume"/>, and is due when its running time reaches the target.
/// </summary>
/// <param name="Clock">Name, target, warning fractions and calendar (the timing shared with complaint clocks).</param>
/// <param name="CaseType">The case type it times, e.g. <c>claim</c>.</param>
/// <param name="Start">The event that starts it.</param>
/// <param name="Stop">The event that stops it (met if before the target).</param>
/// <param name="Pause">The event that pauses it; null: it never pauses.</param>
/// <param name="Resume">The event that resumes it after a pause.</param>
/// <param name="When">The condition the case's attributes must satisfy at the start; null: every case of the type.</param>
/// <param name="Count">A count of steps that also meets the clock; null: only <see cref="Stop"/> does.</param>
public sealed record CaseClockPolicy(
    ClockPolicy Clock,
    string CaseType,
    CaseTrigger Start,
    CaseTrigger Stop,
    CaseTrigger? Pause,
    CaseTrigger? Resume,
    CaseCondition? When,
    CaseCountRule? Count)
{
    /// <summary>The clock's name.</summary>
    public string Name => Clock.Name;
}
