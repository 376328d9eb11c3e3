using Realtime.Domain.Calendars;

namespace Realtime.Domain.Kpis;

/// <summary>The customers a team saw and followed up in one quarter (the basis of follow-up coverage).</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Seen">Distinct customers of the team's complaints and follow-up visits in the quarter.</param>
/// <param name="FollowedUp">Distinct customers with a follow-up visit in the quarter.</param>
public sealed record QuarterCustomers(Quarter Quarter, CustomerSet Seen, CustomerSet FollowedUp);
