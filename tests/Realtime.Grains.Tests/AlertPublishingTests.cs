using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Domain.Complaints;
using Realtime.Grains;
using Realtime.Grains.Complaints;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using static Realtime.Grains.Tests.FloorEvents;

namespace Realtime.Grains.Tests;

/// <summary>
/// Alerts reach the screen at the deadline, not after storage has caught up; and a board that subscribes and then
/// reloads never misses a complaint that opens in between.
/// </summary>
public sealed class AlertPublishingTests
{
    [Fact]
    public async Task A_breach_is_pushed_at_its_deadline_while_checkpoints_are_stuck_and_its_record_follows_once_they_move()
    {
        var store = new GatedCheckpointStore();
        await using var host = await store.StartHostAsync();
        var at = host.Time.GetUtcNow();
        await host.SubmitAsync(Opened("C-stuck", at, team: "T1", agent: "A1"));
        store.Close();

        host.Time.Advance(TimeSpan.FromMinutes(2));
        var pushed = await host.Live.NextAsync(m => m.Method == LiveMethods.SlaBreached);

        var breach = (SlaBreachedPayload)pushed.Payload;
        Assert.Equal(("C-stuck", "firstResponse", at.AddMinutes(2)), (breach.ComplaintId, breach.Clock, breach.DueAt));
        Assert.Equal(0, store.Written("C-stuck", host));

        store.Open();
        // The push goes out before the breach's turn has finished (it still tells agent and team, then stages), so the
        // record may reach the checkpointer after this flush: flush until it is stored, within a bound.
        var id = new GrainKey("complaint", "C-stuck");
        ComplaintGrainState state;
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        do
        {
            await host.Service<StateCheckpointer>().FlushAsync();
            var stored = await host.Service<IGrainStateStore>().ReadAsync(id);
            state = JsonSerializer.Deserialize<ComplaintGrainState>(stored!.Data.Span, GrainJson.Options)!;
            if (state.Complaint.Breaches.Count > 0) break;
            await Task.Yield();
        }
        while (DateTime.UtcNow < giveUp);
        var record = Assert.Single(state.Complaint.Breaches);
        Assert.Equal(("firstResponse", at.AddMinutes(2), false), (record.Clock, record.BreachedAt, record.Late));
        Assert.Single(host.Live.All, m => m.Method == LiveMethods.SlaBreached);
    }

    [Fact]
    public async Task A_complaint_is_listed_for_boards_before_its_push_goes_out()
    {
        await using var host = await GrainsTestHost.StartAsync();
        var directory = host.Service<OpenComplaintDirectory>();
        var listedAtPush = new List<bool>();
        host.Live.OnPublish = m =>
        {
            if (m.Method == LiveMethods.ComplaintChanged) lock (listedAtPush) listedAtPush.Add(directory.Contains(((ComplaintView)m.Payload).Id));
        };

        await host.SubmitAsync([.. Enumerable.Range(0, 50).Select(i => Opened($"C-{i}", host.Time.GetUtcNow(), team: "T1"))]);

        Assert.Equal(50, listedAtPush.Count);
        Assert.All(listedAtPush, Assert.True);
    }
}
