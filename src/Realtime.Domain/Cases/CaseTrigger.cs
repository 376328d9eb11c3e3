using System.Diagnostics.CodeAnalysis;
using Realtime.Domain.Events;

namespace Realtime.Domain.Cases;

/// <summary>
/// An event that starts, stops, pauses or resumes a case clock: <c>case.opened</c>, <c>case.closed</c>,
/// <c>case.paused</c>, <c>case.resumed</c>, or one step, <c>case.step:&lt;step&gt;</c> (e.g. <c>case.step:surveyAccepted</c>).
/// </summary>
/// <param name="Type">A <c>case.*</c> event type.</param>
/// <param name="Step">The step of a <see cref="EventType.CaseStep"/> trigger (matched ordinally); null for the others.</param>
public sealed record CaseTrigger(EventType Type, string? Step = null)
{
    /// <summary><c>case.opened</c>.</summary>
    public static CaseTrigger Opened { get; } = new(EventType.CaseOpened);

    /// <summary><c>case.paused</c>.</summary>
    public static CaseTrigger Paused { get; } = new(EventType.CasePaused);

    /// <summary><c>case.resumed</c>.</summary>
    public static CaseTrigger Resumed { get; } = new(EventType.CaseResumed);

    /// <summary>Parses the configuration form; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CaseTrigger? trigger)
    {
        trigger = null;
        var value = text?.Trim() ?? "";
        const string stepPrefix = "case.step:";
        if (value.StartsWith(stepPrefix, StringComparison.Ordinal))
        {
            var step = value[stepPrefix.Length..].Trim();
            if (step.Length == 0 || step.Any(char.IsWhiteSpace))
                return false;
            trigger = new CaseTrigger(EventType.CaseStep, step);
            return true;
        }
        if (!EventTypeNames.TryParse(value, out var type) || !type.IsCaseEvent() || type is EventType.CaseStep or EventType.CaseBreachExplained)
            return false;
        trigger = new CaseTrigger(type);
        return true;
    }

    /// <summary>Whether an event of <paramref name="type"/> (and <paramref name="step"/>) is this trigger.</summary>
    public bool Matches(EventType type, string? step) =>
        type == Type && (Type != EventType.CaseStep || string.Equals(step, Step, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => Step is null ? Type.ToWireName() : $"{Type.ToWireName()}:{Step}";
}
