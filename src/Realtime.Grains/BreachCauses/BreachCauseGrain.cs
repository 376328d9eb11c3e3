using System.Text.Json;
using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.BreachCauses;

/// <summary>The floor's explained breaches: thin, the ledger is the domain's; state through the checkpointer.</summary>
[GrainType("breachCauses")]
internal sealed class BreachCauseGrain(IStateCheckpointer checkpointer, ILiveNotifier notifier) : Grain, IBreachCauseGrain
{
    private BreachCauseLedger _ledger = new();
    private GrainKey StateKey => new("breachCauses", this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await checkpointer.LoadAsync(StateKey, cancellationToken) is { } bytes)
            _ledger = JsonSerializer.Deserialize<BreachCauseLedger>(bytes.Span, GrainJson.Options)!;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => checkpointer.ReleaseAsync(StateKey);

    public Task RecordAsync(IReadOnlyList<BreachCause> causes)
    {
        var changed = false;
        foreach (var cause in causes) changed |= _ledger.Record(cause);
        // Explained breaches are few (one per breach at most), so the ledger is staged whole on each change.
        if (!changed) return Task.CompletedTask;
        checkpointer.Stage(StateKey, JsonSerializer.SerializeToUtf8Bytes(_ledger, GrainJson.Options), null);
        // A notice, not the figures: a view reloads the window it shows (state: the newest one is enough).
        notifier.Publish(new LiveMessage(BreachCauseReports.ChangedMethod, new BreachCausesChangedPayload(_ledger.Causes.Count), [LiveScopes.Floor], BreachCauseReports.ChangedMethod));
        return Task.CompletedTask;
    }

    public Task<BreachCauseSummary> GetAsync(LocalDateRange range, string? teamId) => Task.FromResult(_ledger.Summarize(range, teamId));

    public Task<BreachCauseSummary> GetOfAsync(LocalDateRange range, string keyPrefix) => Task.FromResult(_ledger.Summarize(range, null, keyPrefix));
}
