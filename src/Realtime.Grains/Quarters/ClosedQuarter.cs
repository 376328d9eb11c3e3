namespace Realtime.Grains.Quarters;

/// <summary>A closed quarter with its late events (counted outside the frozen content and its hash).</summary>
/// <param name="Stored">The stored snapshot.</param>
/// <param name="LateEvents">Events of the quarter journaled after the close.</param>
public sealed record ClosedQuarter(StoredQuarterSnapshot Stored, long LateEvents);
