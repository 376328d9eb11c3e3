using Realtime.Actors.Hosting;
using Realtime.Testing;

namespace Realtime.Actors.Tests;

public sealed class ReminderTests
{
    [Fact]
    public async Task A_reminder_fires_at_its_due_instant_and_not_a_tick_before()
    {
        await using var host = new TestHost();
        var id = host.Id<IReminderGrain>("r1");
        var due = host.Time.GetUtcNow().AddMinutes(2);
        host.Host.Reminders.Set(id, due);

        host.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.Equal(due, host.Host.Reminders.Get(id));
        Assert.Equal(0, host.Journal.Entries.Count(e => e.StartsWith($"reminded:{id}", StringComparison.Ordinal)));

        host.Time.Advance(TimeSpan.FromTicks(1));
        await host.Journal.WaitFor($"reminded:{id}:{due:O}@{due:O}");
        Assert.Null(host.Host.Reminders.Get(id));
        Assert.Equal(0, host.Host.Reminders.Count);
    }

    [Fact]
    public async Task The_earliest_pending_reminder_is_known_and_moves_on_when_it_fires()
    {
        await using var host = new TestHost();
        var start = host.Time.GetUtcNow();
        Assert.Null(host.Host.Reminders.Earliest());
        var (early, late) = (host.Id<IReminderGrain>("early"), host.Id<IReminderGrain>("late"));
        host.Host.Reminders.Set(late, start.AddMinutes(5));
        host.Host.Reminders.Set(early, start.AddMinutes(1));
        Assert.Equal(start.AddMinutes(1), host.Host.Reminders.Earliest());

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Journal.WaitFor($"reminded:{early}:{start.AddMinutes(1):O}@{start.AddMinutes(1):O}");

        Assert.Equal(start.AddMinutes(5), host.Host.Reminders.Earliest());
        host.Host.Reminders.Set(late, null);
        Assert.Null(host.Host.Reminders.Earliest());
    }

    [Fact]
    public async Task Arming_the_deadline_index_keeps_reminders_set_since_and_fires_the_others_at_their_instants()
    {
        // A restart arms every deadline of the index after the replay, and a replayed event may have moved a deadline
        // since the index was written: the reminder it set is the fresher one.
        await using var host = new TestHost();
        var start = host.Time.GetUtcNow();
        var (moved, b, c) = (host.Id<IReminderGrain>("moved"), host.Id<IReminderGrain>("b"), host.Id<IReminderGrain>("c"));
        host.Host.Reminders.Set(moved, start.AddMinutes(5));

        var armed = host.Host.Reminders.SetWhereUnset([(moved, start.AddMinutes(1)), (c, start.AddMinutes(3)), (b, start.AddMinutes(2))]);

        Assert.Equal(2, armed);
        Assert.Equal(start.AddMinutes(5), host.Host.Reminders.Get(moved));
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.Journal.WaitFor($"reminded:{b}:{start.AddMinutes(2):O}@{start.AddMinutes(2):O}");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Journal.WaitFor($"reminded:{c}:{start.AddMinutes(3):O}@{start.AddMinutes(3):O}");
        Assert.Equal(0, host.Journal.Entries.Count(e => e.StartsWith($"reminded:{moved}", StringComparison.Ordinal)));
        Assert.Equal(1, host.Host.Reminders.Count);
    }

    [Fact]
    public async Task A_grain_out_of_memory_is_activated_the_warm_up_ahead_of_its_reminder_so_the_due_turn_reads_nothing()
    {
        await using var host = new TestHost();
        var id = host.Id<IReminderGrain>("warm");
        var due = host.Time.GetUtcNow().AddMinutes(2);
        host.Host.Reminders.Set(id, due);

        host.Time.Advance(TimeSpan.FromMinutes(2) - GrainHostOptions.DefaultReminderWarmUp - TimeSpan.FromTicks(1));
        Assert.False(host.Host.IsActive(id));

        host.Time.Advance(TimeSpan.FromTicks(1));
        await host.Journal.WaitFor($"activate:{id}");
        Assert.Equal(due, host.Host.Reminders.Get(id));
        Assert.Equal(0, host.Journal.Entries.Count(e => e.StartsWith($"reminded:{id}", StringComparison.Ordinal)));

        host.Time.Advance(GrainHostOptions.DefaultReminderWarmUp);
        await host.Journal.WaitFor($"reminded:{id}:{due:O}@{due:O}");
        Assert.Equal(1, host.Journal.CountOf($"activate:{id}"));
    }

    [Fact]
    public async Task Without_a_warm_up_a_reminder_activates_its_grain_at_the_due_instant_only()
    {
        await using var host = new TestHost(o => o.ReminderWarmUp = TimeSpan.Zero);
        var id = host.Id<IReminderGrain>("cold");
        var due = host.Time.GetUtcNow().AddMinutes(2);
        host.Host.Reminders.Set(id, due);

        host.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.False(host.Host.IsActive(id));

        host.Time.Advance(TimeSpan.FromTicks(1));
        await host.Journal.WaitFor($"reminded:{id}:{due:O}@{due:O}");
    }

    [Fact]
    public async Task A_reminder_moved_during_its_warm_up_fires_at_the_new_instant_only()
    {
        await using var host = new TestHost();
        var id = host.Id<IReminderGrain>("moved-warm");
        var first = host.Time.GetUtcNow().AddMinutes(2);
        var inWarmUp = GrainHostOptions.DefaultReminderWarmUp / 2;
        host.Host.Reminders.Set(id, first);
        host.Time.Advance(TimeSpan.FromMinutes(2) - inWarmUp);
        await host.Journal.WaitFor($"activate:{id}");

        var second = first.AddMinutes(1);
        host.Host.Reminders.Set(id, second);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, host.Journal.Entries.Count(e => e.StartsWith($"reminded:{id}", StringComparison.Ordinal)));

        host.Time.Advance(inWarmUp);
        await host.Journal.WaitFor($"reminded:{id}:{second:O}@{second:O}");
        Assert.Equal(1, host.Journal.Entries.Count(e => e.StartsWith($"reminded:{id}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_reminder_activates_a_grain_that_has_left_memory()
    {
        await using var host = new TestHost();
        var id = host.Id<IReminderGrain>("sleeper");
        await host.Grain<IReminderGrain>("sleeper").Ping();
        var due = host.Time.GetUtcNow().AddMinutes(30);
        host.Host.Reminders.Set(id, due);

        host.Time.Advance(TimeSpan.FromMinutes(10));
        await host.Journal.WaitFor($"deactivate:{id}:Idle");
        await Eventually.True(() => !host.Host.IsActive(id), "the idle activation to leave");
        host.Time.Advance(TimeSpan.FromMinutes(20));

        await host.Journal.WaitFor($"reminded:{id}:{due:O}@{due:O}");
        Assert.Equal(2, host.Journal.CountOf($"activate:{id}"));
    }

    [Fact]
    public async Task Setting_a_reminder_again_replaces_the_pending_one()
    {
        await using var host = new TestHost();
        var id = host.Id<IReminderGrain>("moved");
        var first = host.Time.GetUtcNow().AddMinutes(1);
        var second = host.Time.GetUtcNow().AddMinutes(3);
        host.Host.Reminders.Set(id, first);
        host.Host.Reminders.Set(id, second);

        Assert.Equal(second, host.Host.Reminders.Get(id));
        Assert.Equal(1, host.Host.Reminders.Count);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(host.Host.IsActive(id));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Journal.WaitFor($"reminded:{id}:{second:O}@{second:O}");
        Assert.Equal(1, host.Journal.Entries.Count(e => e.StartsWith($"reminded:{id}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Setting_a_reminder_to_null_removes_it()
    {
        await using var host = new TestHost();
        var id = host.Id<IReminderGrain>("cancelled");
        host.Host.Reminders.Set(id, host.Time.GetUtcNow().AddMinutes(1));

        host.Host.Reminders.Set(id, null);
        host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(host.Host.Reminders.Get(id));
        Assert.Equal(0, host.Host.Reminders.Count);
        Assert.False(host.Host.IsActive(id));
        Assert.Equal(0, host.Journal.CountOf($"activate:{id}"));
    }

    [Fact]
    public async Task A_reminder_set_in_the_past_fires_at_once()
    {
        await using var host = new TestHost();
        var id = host.Id<IReminderGrain>("late");
        var due = host.Time.GetUtcNow().AddMinutes(-5);
        var now = host.Time.GetUtcNow();

        host.Host.Reminders.Set(id, due);
        host.Time.Advance(TimeSpan.Zero);

        await host.Journal.WaitFor($"reminded:{id}:{due:O}@{now:O}");
    }

    [Fact]
    public async Task Many_reminders_each_wake_their_own_grain()
    {
        await using var host = new TestHost();
        var start = host.Time.GetUtcNow();
        for (var i = 0; i < 200; i++) host.Host.Reminders.Set(host.Id<IReminderGrain>($"g{i}"), start.AddSeconds(i % 7));

        host.Time.Advance(TimeSpan.FromSeconds(7));

        await host.Journal.WaitUntil(all => all.Count(e => e.StartsWith("reminded:", StringComparison.Ordinal)) == 200, "200 reminders");
        // The clock has run on to +7 s by the time the turns run, so only the instant each reminder was set for is compared.
        for (var i = 0; i < 200; i++)
        {
            var due = start.AddSeconds(i % 7);
            Assert.Single(host.Journal.Entries, e => e.StartsWith($"reminded:reminder/g{i}:{due:O}@", StringComparison.Ordinal));
        }
    }
}
