using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.BreachCauses;

/// <summary>
/// The floor's explained breaches: thin, the ledger is the domain's. Explanations are few (one per breach at most), so
/// its state is written through Orleans' default grain storage (ADO.NET on PostgreSQL) in the turn that records them.
/// </summary>
[GrainType("breachCauses")]
internal sealed class BreachCauseGrain([PersistentState("breachCauses")] IPersistentState<BreachCauseLedger> persisted, ILiveNotifier notifier) : Grain, IBreachCauseGrain
{
    private BreachCauseLedger Ledger => persisted.State;

    public async Task RecordAsync(IReadOnlyList<BreachCause> causes)
    {
        var changed = false;
        foreach (var cause in causes) changed |= Ledger.Record(cause);
        if (!changed) return;
        await persisted.WriteStateAsync();
        // A notice, not the figures: a view reloads the window it shows (state: the newest one is enough).
        notifier.Publish(new LiveMessage(BreachCauseReports.ChangedMethod, new BreachCausesChangedPayload(Ledger.Causes.Count), [LiveScopes.Floor], BreachCauseReports.ChangedMethod));
    }

    public Task<BreachCauseSummary> GetAsync(LocalDateRange range, string? teamId) => Task.FromResult(Ledger.Summarize(range, teamId));

    public Task<BreachCauseSummary> GetOfAsync(LocalDateRange range, string keyPrefix) => Task.FromResult(Ledger.Summarize(range, null, keyPrefix));
}
