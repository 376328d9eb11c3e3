using Realtime.Grains;
using Realtime.Grains.Complaints;
using Realtime.Grains.Deadlines;
using Realtime.Server.Hosting;

namespace Realtime.Server.Api;

/// <summary>Read endpoints: complaints, server time, health and runtime figures.</summary>
public static class QueryEndpoints
{
    /// <summary>Default and largest page of <c>GET /api/complaints</c>.</summary>
    public const int DefaultLimit = 200, MaxLimit = 2000;

    /// <summary>Maps the read endpoints.</summary>
    public static void MapQueries(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/complaints/{id}", async (string id, bool? unmasked, string? reason, HttpContext http, IGrainFactory grains, Auth.AccessAuditor auditor) =>
        {
            var grain = grains.GetGrain<IComplaintGrain>(id);
            if (await grain.GetAsync() is not { } view)
                return Problems.Status(StatusCodes.Status404NotFound, "Complaint not found", $"No event of complaint '{id}' has been received.");
            if (unmasked != true) return Results.Ok(ComplaintResource.From(view));
            // Personal data unmasked: managers only, with a stated reason, and every such read goes to the access audit first.
            if (!http.User.IsInRole(Auth.Roles.Manager))
                return Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "Only managers may read unmasked personal data.");
            if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
                return Problems.BadParameter("reason", "state why the unmasked name and phone are needed (1 to 500 characters)");
            var contact = await grain.GetCustomerContactAsync();
            await auditor.RecordAsync(http.User, Grains.Audit.AccessActions.UnmaskedRead, "complaint:" + id, reason.Trim());
            return Results.Ok(ComplaintResource.From(view) with { CustomerName = contact?.Name, CustomerPhone = contact?.Phone });
        });

        app.MapGet("/api/complaints", ListOpenAsync);

        // Public (contract v2): clocks and probes carry no floor data.
        app.MapGet("/api/time", ([FromKeyedServices(FloorClock.Key)] TimeProvider time) => Results.Ok(new { now = time.GetUtcNow() })).AllowAnonymous();

        app.MapGet("/health", (StorageReadiness readiness) => readiness.IsReady
            ? Results.Ok(new { status = "ready" })
            : Results.Json(new { status = "unavailable", problem = readiness.Problem }, statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous();

        // For operators and the load harness: is memory following active grains, and where does it sit? No customer data.
        app.MapGet("/health/runtime", async (IGrainFactory grains, DeadlineScheduler deadlines, OpenComplaintDirectory directory, Grains.Persistence.StateCheckpointer checkpointer, Live.SignalRLiveNotifier notifier) =>
        {
            var gc = GC.GetGCMemoryInfo();
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return Results.Ok(new
            {
                // Orleans' own count, over the cluster (this silo's alone while it is the only one).
                activations = await grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount(),
                reminders = deadlines.Count,
                openComplaints = directory.Count,
                stagedStates = checkpointer.PendingCount,
                pushBacklog = notifier.Feed.Backlog(),
                gcHeapBytes = gc.HeapSizeBytes,
                gcCommittedBytes = gc.TotalCommittedBytes,
                gcPauseMsTotal = GC.GetTotalPauseDuration().TotalMilliseconds,
                gcAllocatedBytes = GC.GetTotalAllocatedBytes(),
                gcCollections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
                gcServer = System.Runtime.GCSettings.IsServerGC,
                gcLast = new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background }.Select(kind => GC.GetGCMemoryInfo(kind)).Where(g => g.Index > 0)
                    .Select(g => new { index = g.Index, generation = g.Generation, concurrent = g.Concurrent, compacted = g.Compacted, pauseMs = g.PauseDurations.ToArray().Sum(p => p.TotalMilliseconds), promotedBytes = g.PromotedBytes, heapBytes = g.HeapSizeBytes }),
                threadPoolThreads = ThreadPool.ThreadCount,
                threadPoolQueued = ThreadPool.PendingWorkItemCount,
                workingSetBytes = process.WorkingSet64,
            });
        }).AllowAnonymous();
    }

    /// <summary>Open complaints (optionally of a team or an agent), most urgent first, with their clocks.</summary>
    private static async Task<IResult> ListOpenAsync(IGrainFactory grains, OpenComplaintDirectory directory, string? status, string? team, string? agent, int? limit)
    {
        if (status is not (null or "open"))
            return Problems.BadParameter("status", "only 'open' is supported: resolved complaints are read one by one with GET /api/complaints/{id}");
        if (limit is < 1 or > MaxLimit) return Problems.BadParameter("limit", $"must be from 1 to {MaxLimit}");
        var (items, total) = directory.Query(NullIfEmpty(team), NullIfEmpty(agent), limit ?? DefaultLimit);
        var views = await Task.WhenAll(items.Select(s => grains.GetGrain<IComplaintGrain>(s.ComplaintId).GetAsync()));
        return Results.Ok(new
        {
            items = views.Where(v => v is not null).Select(v => ComplaintResource.From(v!)).ToList(),
            total,
        });
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
