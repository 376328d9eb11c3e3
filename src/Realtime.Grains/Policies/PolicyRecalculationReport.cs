namespace Realtime.Grains.Policies;

/// <summary>What a recalculation of the running complaints and cases found (and, unless a dry run, applied).</summary>
/// <param name="Applied">False for a dry run: nothing was changed.</param>
/// <param name="ComplaintsVersion">The configured complaint policy version they were recalculated under.</param>
/// <param name="CasesVersion">The configured case policy version.</param>
/// <param name="Examined">How many running complaints and cases were looked at.</param>
/// <param name="Items">Those on another version, each with the clocks that read differently, by kind and id.</param>
public sealed record PolicyRecalculationReport(bool Applied, string ComplaintsVersion, string CasesVersion, int Examined, IReadOnlyList<PolicyRecalculation> Items);
