using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;

namespace Realtime.Grains.BreachCauses;

/// <summary>
/// The floor's explained breaches (one grain, key <see cref="BreachCauseReports.FloorKey"/>): complaints and cases tell it each explained
/// breach; managers read the causes per reason, team and agent over any range of days.
/// </summary>
public interface IBreachCauseGrain : IGrainWithStringKey
{
    /// <summary>Records each cause, replacing an earlier explanation of the same breach.</summary>
    Task RecordAsync(IReadOnlyList<BreachCause> causes);

    /// <summary>The explained breaches of <paramref name="range"/> (of <paramref name="teamId"/> when given).</summary>
    Task<BreachCauseSummary> GetAsync(LocalDateRange range, string? teamId);

    /// <summary>The explained breaches of <paramref name="range"/> of the subjects whose key starts with <paramref name="keyPrefix"/> (e.g. <c>complaint:</c>).</summary>
    Task<BreachCauseSummary> GetOfAsync(LocalDateRange range, string keyPrefix);
}
