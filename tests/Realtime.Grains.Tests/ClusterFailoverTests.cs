using Orleans.TestingHost;
using Realtime.Grains.Complaints;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Ingest;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Tests;

/// <summary>
/// Two silos on one storage (TestingHost): the silo holding the complaints is killed, and the survivor still breaches
/// every one of them at its due time and takes their next events.
/// </summary>
public sealed class ClusterFailoverTests : IAsyncLifetime
{
    private const int Complaints = 20;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private GrainsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrainsTestHost.StartAsync(Start, silos: 2);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_killed_silos_complaints_breach_on_the_survivor_at_their_due_time()
    {
        // The complaints are opened through the second silo, so Orleans places their grains there (it prefers the caller's
        // silo when load is even). The primary silo stays: the test cluster keeps its membership table there.
        var victim = _host.Silos.Single(s => s != _host.Silos[0]);
        var survivor = _host.Silos[0];
        var onVictim = _host.ServiceOf<IGrainFactory>(victim);
        for (var i = 0; i < Complaints; i++) await onVictim.GetGrain<IComplaintGrain>($"F{i}").ApplyAsync([FloorEvents.Opened($"F{i}", Start, team: "T1", agent: "A1")]);
        foreach (var silo in _host.Silos) await _host.ServiceOf<StateCheckpointer>(silo).FlushAsync();

        var keys = Enumerable.Range(0, Complaints).Select(i => new GrainKey("complaint", $"F{i}"))
            .Where(k => _host.ServiceOf<DeadlineScheduler>(victim).Get(k) is not null).ToArray();
        Assert.True(keys.Length > 0, "Orleans placed no complaint on the second silo");
        await _host.KillSiloAsync(victim);

        // Once the cluster has declared it dead, the survivor holds every deadline (the ring moved its part over).
        var scheduler = _host.ServiceOf<DeadlineScheduler>(survivor);
        var index = _host.ServiceOf<IDeadlineIndex>(survivor);
        var membership = _host.ServiceOf<IClusterMembershipService>(survivor);
        await WaitUntilAsync(() => keys.All(k => scheduler.Get(k) is not null), "the survivor to take the dead silo's deadlines over", async () =>
        {
            var rows = new List<string>();
            await foreach (var d in index.LoadAllAsync()) rows.Add($"{d.Grain} {d.DueAt} {d.Holder}");
            return $"victim {victim.SiloAddress} is {membership.CurrentSnapshot.GetSiloStatus(victim.SiloAddress)}; index: {string.Join("; ", rows.Take(5))}";
        });

        var dueAt = Start + TimeSpan.FromMinutes(2);
        _host.Time.SetUtcNow(dueAt);
        var breaches = new HashSet<string>();
        while (breaches.Count < keys.Length)
        {
            var message = await _host.Live.NextAsync(m => m.Method == LiveMethods.SlaBreached);
            var breach = (SlaBreachedPayload)message.Payload;
            if (breach.Clock != "firstResponse") continue;
            Assert.Equal(dueAt, breach.BreachedAt);
            breaches.Add(breach.ComplaintId);
        }

        // The survivor's ingest writer goes on: a complaint that lived on the dead silo takes new events.
        var grains = _host.ServiceOf<IGrainFactory>(survivor);
        var moved = keys[0].Key;
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var responded = FloorEvents.Complaint(Domain.Events.EventType.ComplaintResponded, moved, _host.Time.GetUtcNow(), agent: "A1");
        Assert.Equal(1, (await grains.FloorIngestWriter().SubmitAsync([responded])).Accepted);
        var view = await grains.GetGrain<IComplaintGrain>(moved).GetAsync();
        Assert.NotNull(view);
        Assert.Contains(view.Clocks, c => c.Name == "firstResponse" && c.BreachedAt == dueAt);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, Func<Task<string>> diagnose)
    {
        // Failure detection runs on real time (seconds); the grains' clock stays where the test put it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!condition())
        {
            if (!await poll.WaitForNextTickAsync(timeout.Token).AsTask().ContinueWith(t => t.Status == TaskStatus.RanToCompletion && t.Result))
                throw new TimeoutException($"Timed out waiting for {what}: {await diagnose()}");
        }
    }
}
