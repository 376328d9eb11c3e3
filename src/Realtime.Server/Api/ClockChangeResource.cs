using Realtime.Domain.Policies;

namespace Realtime.Server.Api;

/// <summary>One clock of a recalculated complaint or case, before and after (states as <see cref="ClockResource"/> names them).</summary>
public sealed record ClockChangeResource(
    string Name,
    string? VersionBefore,
    string? VersionAfter,
    string? StateBefore,
    string? StateAfter,
    DateTimeOffset? DueAtBefore,
    DateTimeOffset? DueAtAfter,
    DateTimeOffset? BreachedAtBefore,
    DateTimeOffset? BreachedAtAfter,
    bool DueAtMoves,
    bool BreachAppears,
    bool BreachVanishes)
{
    /// <summary>The wire form of <paramref name="c"/>.</summary>
    public static ClockChangeResource Of(ClockChange c) => new(
        c.Clock, c.VersionBefore, c.VersionAfter,
        c.VersionBefore is null ? null : ClockResource.StateName(c.StateBefore),
        c.VersionAfter is null ? null : ClockResource.StateName(c.StateAfter),
        c.DueAtBefore, c.DueAtAfter, c.BreachedAtBefore, c.BreachedAtAfter,
        c.DueAtMoves, c.BreachAppears, c.BreachVanishes);
}
