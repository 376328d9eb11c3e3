namespace Realtime.Grains.Cases;

/// <summary>One page of a case list, most urgent first, and how many cases matched in all.</summary>
/// <param name="Items">The page.</param>
/// <param name="Total">Every matching case.</param>
public sealed record CaseList(IReadOnlyList<CaseSummary> Items, int Total);
