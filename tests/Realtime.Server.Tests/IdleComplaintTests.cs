using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Realtime.Server.Tests;

/// <summary>
/// Memory follows active complaints: an idle complaint leaves memory after its collection age (its board entry and its
/// reminder stay), and its next deadline brings it back to escalate on time.
/// </summary>
public sealed class IdleComplaintTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_idle_complaint_leaves_memory_and_its_next_deadline_brings_it_back()
    {
        // Opened three hours ago: first response breaches and 组长 is reached on arrival; 副总监 is due 4 h after the breach.
        var opened = _app.Time.GetUtcNow().AddHours(-3);
        var nextLevelAt = opened.AddMinutes(2).AddHours(4);
        await using var floor = await _app.SubscribeAsync("floor");
        var ids = new[] { "idle-1", "idle-2", "idle-3" };
        await _app.PostEventsAsync(ids.Select(id => Events.Opened(id, opened)).ToArray());
        await EachAsync(floor, ids, p => p.GetProperty("level").GetInt32() == 1);
        var active = await RuntimeAsync();
        Assert.Equal(3, active.GetProperty("openComplaints").GetInt32());

        // Idle from now. Orleans' collector runs on real time (every minute, complaints idle 2 minutes); asked directly, it
        // collects every idle activation now.
        await _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var idle = await RuntimeUntilAsync(r => r.GetProperty("activations").GetInt32() <= active.GetProperty("activations").GetInt32() - 3);
        Assert.Equal(3, idle.GetProperty("openComplaints").GetInt32());
        Assert.True(idle.GetProperty("reminders").GetInt32() >= 3, "each idle complaint keeps the reminder of its next deadline");
        var board = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/complaints?status=open");
        Assert.Equal(3, board.GetProperty("total").GetInt32());

        // The reminder re-activates each complaint at its due instant, and it escalates on time.
        _app.Time.Advance(nextLevelAt - _app.Time.GetUtcNow());
        var escalations = await EachAsync(floor, ids, p => p.GetProperty("level").GetInt32() == 2);
        Assert.All(escalations, e => Assert.Equal(nextLevelAt, e.GetProperty("at").GetDateTimeOffset()));
        Assert.All(escalations, e => Assert.False(e.GetProperty("late").GetBoolean()));

        // Everything pushed has gone out to the one subscriber: the operators' backlog figure comes back to zero.
        await RuntimeUntilAsync(r => r.GetProperty("pushBacklog") is var b && b.GetProperty("subscribers").GetInt32() == 1 && b.GetProperty("pending").GetInt64() == 0);
    }

    /// <summary>Waits for one <c>escalated</c> per complaint of <paramref name="ids"/> matching <paramref name="match"/>, in any order.</summary>
    private static async Task<List<JsonElement>> EachAsync(LiveRecorder floor, string[] ids, Func<JsonElement, bool> match)
    {
        var waiting = ids.ToHashSet();
        var found = new List<JsonElement>();
        while (waiting.Count > 0)
        {
            found.Add(await floor.NextAsync("escalated", p => match(p) && waiting.Remove(p.GetProperty("complaintId").GetString()!)));
        }
        return found;
    }

    private async Task<JsonElement> RuntimeAsync() => await _app.CreateClient().GetFromJsonAsync<JsonElement>("/health/runtime");

    private async Task<JsonElement> RuntimeUntilAsync(Func<JsonElement, bool> condition)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var runtime = await RuntimeAsync();
            if (condition(runtime)) return runtime;
            Assert.True(DateTime.UtcNow < giveUp, $"/health/runtime never reached the expected state; last: {runtime}");
            await Task.Delay(50);
        }
    }
}
