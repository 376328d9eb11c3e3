namespace Realtime.Domain.Cases;

/// <summary>
/// "At least <paramref name="AtLeast"/> <paramref name="Step"/> steps": a clock with this rule is met as soon as the case has
/// recorded that many of the step since the clock started (as well as by its stop event). The 13-day rule: a claim with
/// no loss assessment after 13 days must have been followed up at least 3 times.
/// </summary>
/// <param name="Step">The counted step, e.g. <c>followedUp</c>.</param>
/// <param name="AtLeast">How many are needed; at least 1.</param>
public sealed record CaseCountRule(string Step, int AtLeast);
