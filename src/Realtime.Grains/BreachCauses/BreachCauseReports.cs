using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;
using Realtime.Domain.Complaints;

namespace Realtime.Grains.BreachCauses;

/// <summary>How a complaint or case grain tells the floor's <see cref="IBreachCauseGrain"/> its explained breaches.</summary>
public static class BreachCauseReports
{
    /// <summary>The key of the floor's one <see cref="IBreachCauseGrain"/>.</summary>
    public const string FloorKey = "floor";

    /// <summary>The hub method that tells the floor an explained breach was recorded or changed (<c>breachCausesChanged</c>).</summary>
    public const string ChangedMethod = "breachCausesChanged";

    /// <summary>
    /// Tells the causes of <paramref name="subject"/>'s explained breaches that differ from those in <paramref name="told"/>
    /// (then records them there, for the grain to stage after this returns). Each counts under the team and owner at its breach
    /// instant (<paramref name="ownerAt"/>), as a quarter snapshot replayed from the journal counts it.
    /// </summary>
    public static async Task TellAsync(IGrainFactory grains, string subject, IReadOnlyList<ClockOutcome> outcomes, IReadOnlyList<BreachExplanation> explanations,
        Func<DateTimeOffset, (string? TeamId, string? AgentId)> ownerAt, CompanyCalendar calendar, Dictionary<string, BreachCause> told)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(told);
        if (explanations.Count == 0) return;
        var changed = BreachCauseRules.Explained(subject, outcomes, explanations, ownerAt, calendar)
            .Where(c => !(told.TryGetValue(c.Key, out var before) && before == c)).ToList();
        if (changed.Count == 0) return;
        await grains.GetGrain<IBreachCauseGrain>(FloorKey).RecordAsync(changed);
        foreach (var cause in changed) told[cause.Key] = cause;
    }
}
