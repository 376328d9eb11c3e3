using System.Collections.Concurrent;
using Realtime.Domain.Policies;
using Realtime.Grains.Cases;
using Realtime.Grains.Complaints;

namespace Realtime.Grains.Policies;

/// <summary>
/// Recalculates the running (not resolved, not closed) complaints and cases under the configured policies: each grain
/// replays its own events (it holds them all) under the new version and answers the diff; unless a dry run it adopts the
/// new version, signals what is now due and pushes its new state. Resolved complaints, closed cases and closed quarters
/// are never touched.
/// </summary>
public sealed class PolicyRecalculator(IGrainFactory grains, OpenComplaintDirectory complaints, PolicyCatalog policies)
{
    // Enough calls in flight to keep a silo busy without queueing thousands of turns at once.
    private const int Parallelism = 32;

    /// <summary>Recalculates every running complaint and case; with <paramref name="apply"/> false only reports.</summary>
    public async Task<PolicyRecalculationReport> RunAsync(bool apply, CancellationToken cancellationToken = default)
    {
        var found = new ConcurrentBag<PolicyRecalculation>();
        var complaintIds = complaints.Query(null, null, int.MaxValue).Items.Select(s => s.ComplaintId).ToList();
        var caseIds = new List<string>();
        foreach (var type in policies.KnownCaseTypes)
            caseIds.AddRange((await grains.GetGrain<ICaseDirectoryGrain>(type).QueryAsync(null, null, false, int.MaxValue)).Items.Select(s => s.CaseId));

        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(complaintIds, options, async (id, _) =>
        {
            if (await grains.GetGrain<IComplaintGrain>(id).RecalculateAsync(apply) is { } r) found.Add(r);
        });
        await Parallel.ForEachAsync(caseIds.Distinct(StringComparer.Ordinal), options, async (id, _) =>
        {
            if (await grains.GetGrain<ICaseGrain>(id).RecalculateAsync(apply) is { } r) found.Add(r);
        });
        var items = found.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        return new PolicyRecalculationReport(apply, PolicyVersion.Of(policies.CurrentComplaints), PolicyVersion.Of(policies.CurrentCases), complaintIds.Count + caseIds.Count, items);
    }
}
