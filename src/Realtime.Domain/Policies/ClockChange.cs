using Realtime.Domain.Clocks;

namespace Realtime.Domain.Policies;

/// <summary>
/// How one clock of a running case or complaint reads at the same instant under its policy (before) and under another
/// (after): what a recalculation would change. A clock the other policy does not have (or whose condition no longer
/// applies) has null fields on that side.
/// </summary>
/// <param name="Clock">The clock's name.</param>
/// <param name="VersionBefore">The clock's policy version before; null when it did not apply.</param>
/// <param name="VersionAfter">The clock's policy version after; null when it no longer applies.</param>
/// <param name="StateBefore">Its state before (null: not started or not applicable).</param>
/// <param name="StateAfter">Its state after.</param>
/// <param name="DueAtBefore">Its due instant before (running clocks only).</param>
/// <param name="DueAtAfter">Its due instant after.</param>
/// <param name="BreachedAtBefore">When it breached before, if it did.</param>
/// <param name="BreachedAtAfter">When it breaches after, if it does.</param>
public sealed record ClockChange(
    string Clock,
    string? VersionBefore,
    string? VersionAfter,
    ClockState? StateBefore,
    ClockState? StateAfter,
    DateTimeOffset? DueAtBefore,
    DateTimeOffset? DueAtAfter,
    DateTimeOffset? BreachedAtBefore,
    DateTimeOffset? BreachedAtAfter)
{
    /// <summary>Its due instant moves.</summary>
    public bool DueAtMoves => DueAtBefore != DueAtAfter;

    /// <summary>It was not breached and is after.</summary>
    public bool BreachAppears => BreachedAtBefore is null && BreachedAtAfter is not null;

    /// <summary>It was breached and is not after.</summary>
    public bool BreachVanishes => BreachedAtBefore is not null && BreachedAtAfter is null;

    /// <summary>
    /// The clocks of <paramref name="before"/> and <paramref name="after"/> (views of one case at one instant) that read
    /// differently: state, due or breach instant, or presence. A clock whose only change is its version is left out.
    /// </summary>
    public static IReadOnlyList<ClockChange> Between(IReadOnlyList<ClockView> before, IReadOnlyList<ClockView> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<ClockChange>();
        foreach (var name in before.Select(c => c.Name).Concat(after.Select(c => c.Name)).Distinct(StringComparer.Ordinal))
        {
            var b = before.FirstOrDefault(c => c.Name == name);
            var a = after.FirstOrDefault(c => c.Name == name);
            if (b is not null && a is not null && b.State == a.State && b.DueAt == a.DueAt && b.BreachedAt == a.BreachedAt)
                continue;
            changes.Add(new ClockChange(name, b?.PolicyVersion, a?.PolicyVersion, b?.State, a?.State, b?.DueAt, a?.DueAt, b?.BreachedAt, a?.BreachedAt));
        }
        return changes;
    }
}
