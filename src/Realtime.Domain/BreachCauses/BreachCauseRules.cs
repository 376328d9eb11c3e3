using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;

namespace Realtime.Domain.BreachCauses;

/// <summary>Which breaches of a complaint or case the recorded explanations explain.</summary>
public static class BreachCauseRules
{
    /// <summary>
    /// One cause per breached clock that has an explanation: the latest (by time) naming that clock, else the latest naming
    /// no clock for the first breach. An explanation of a clock that has not breached counts once it has.
    /// </summary>
    /// <param name="subject">The key prefix of the complaint or case, e.g. <c>complaint:C1</c>.</param>
    /// <param name="outcomes">Its clocks' outcomes now.</param>
    /// <param name="explanations">Its explanations in time order.</param>
    /// <param name="teamId">Its team.</param>
    /// <param name="agentId">Its owner.</param>
    /// <param name="calendar">The company calendar the breach day is reckoned in.</param>
    public static IReadOnlyList<BreachCause> Explained(string subject, IReadOnlyList<ClockOutcome> outcomes, IReadOnlyList<BreachExplanation> explanations,
        string? teamId, string? agentId, CompanyCalendar calendar) =>
        Explained(subject, outcomes, explanations, _ => (teamId, agentId), calendar);

    /// <summary>
    /// As the other overload, each cause under the team and owner at its breach instant (<paramref name="ownerAt"/>), so the
    /// live count and a replay of the same events (a quarter snapshot and its verification) attribute it alike.
    /// </summary>
    public static IReadOnlyList<BreachCause> Explained(string subject, IReadOnlyList<ClockOutcome> outcomes, IReadOnlyList<BreachExplanation> explanations,
        Func<DateTimeOffset, (string? TeamId, string? AgentId)> ownerAt, CompanyCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(ownerAt);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(explanations);
        ArgumentNullException.ThrowIfNull(calendar);
        var breached = outcomes.Where(o => o.State == ClockState.Breached && o.BreachedAt is not null).OrderBy(o => o.BreachedAt).ToList();
        var causes = new List<BreachCause>();
        foreach (var outcome in breached)
        {
            var named = explanations.LastOrDefault(x => x.Clock == outcome.Clock);
            var general = outcome == breached[0] ? explanations.LastOrDefault(x => x.Clock is null) : null;
            var explanation = (named, general) switch
            {
                ({ } n, { } g) => n.ExplainedAt >= g.ExplainedAt ? n : g,
                _ => named ?? general,
            };
            if (explanation is null) continue;
            var (teamId, agentId) = ownerAt(outcome.BreachedAt!.Value);
            causes.Add(new BreachCause($"{subject}/{outcome.Clock}", outcome.Clock, explanation.ReasonCode, calendar.DateOf(outcome.BreachedAt!.Value), teamId, agentId));
        }
        return causes;
    }
}
