using Realtime.Actors.Hosting;
using Realtime.Actors.Timers;

namespace Realtime.Actors.Reminders;

/// <summary>A grain that can be woken by its reminder, activating it if it is not in memory.</summary>
public interface IRemindable : IGrainWithStringKey
{
    /// <summary>The grain's reminder came due. Handlers must be idempotent: a reminder may fire again after a restart.</summary>
    /// <param name="dueAt">The instant the reminder was set for (it fires at or after it).</param>
    Task ReceiveReminderAsync(DateTimeOffset dueAt);
}

/// <summary>
/// One reminder per grain: "wake this grain at this instant" (Orleans reminders, with our difference: exact to the
/// scheduler tick, not minute-grained). Reminders outlive activations, so an idle grain can leave memory and still be
/// woken on time; one whose grain is not in memory activates it <see cref="GrainHostOptions.ReminderWarmUp"/> ahead, so
/// the deadline's turn does not wait for storage. This registry is in memory; the application persists each grain's next deadline itself (the
/// deadline index) and sets the reminders again at start-up.
/// </summary>
public sealed class ReminderService
{
    // Every complaint turn sets its reminder: shards keep those turns from queueing on one lock (the scheduler's heap
    // still has one, held only for its O(log n) insert).
    private const int ShardCount = 16;
    private readonly Dictionary<GrainId, Reminder>[] _shards = Enumerable.Range(0, ShardCount).Select(_ => new Dictionary<GrainId, Reminder>()).ToArray();

    private Dictionary<GrainId, Reminder> ShardOf(GrainId grain) => _shards[(grain.GetHashCode() & int.MaxValue) % ShardCount];
    private readonly TimerScheduler _scheduler;
    private readonly GrainHost _host;
    private readonly long _warmUpTicks;

    internal ReminderService(TimerScheduler scheduler, GrainHost host, TimeSpan warmUp)
    {
        _scheduler = scheduler;
        _host = host;
        _warmUpTicks = Math.Max(0, warmUp.Ticks);
    }

    /// <summary>Pending reminders.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var shard in _shards)
            {
                lock (shard) count += shard.Count;
            }
            return count;
        }
    }

    /// <summary>Sets (replaces) the reminder of <paramref name="grain"/>; null removes it. An instant in the past fires at once.</summary>
    public void Set(GrainId grain, DateTimeOffset? dueAt)
    {
        var reminders = ShardOf(grain);
        lock (reminders)
        {
            if (reminders.TryGetValue(grain, out var existing))
            {
                if (existing.DueUtcTicks == dueAt?.UtcTicks) return;
                // No entry yet: SetWhereUnset is still scheduling it; when it fires it finds itself replaced and does nothing.
                if (existing.Entry is { } entry) _scheduler.Cancel(entry);
                reminders.Remove(grain);
            }
            if (dueAt is null) return;
            var reminder = NewReminder(grain, dueAt.Value, _scheduler.UtcNowTicks);
            reminder.Entry = _scheduler.Schedule(reminder.FirstWake, reminder);
            reminders[grain] = reminder;
        }
    }

    /// <summary>
    /// Sets the reminders of grains that have none, in one pass (a restart arms every deadline of the deadline index):
    /// a grain that already has one keeps it, because whatever set it since the index was written knows better (a
    /// replayed event moves a deadline; the index still holds the one from before). Returns how many were set.
    /// </summary>
    public int SetWhereUnset(IReadOnlyCollection<(GrainId Grain, DateTimeOffset DueAt)> reminders)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var now = _scheduler.UtcNowTicks;
        // Room first: growing sixteen dictionaries to a million entries, rehash by rehash, was a good part of the pass.
        foreach (var shard in _shards)
        {
            lock (shard) shard.EnsureCapacity(shard.Count + reminders.Count / ShardCount + 1);
        }
        var added = new List<Reminder>(reminders.Count);
        foreach (var (grain, dueAt) in reminders)
        {
            var shard = ShardOf(grain);
            lock (shard)
            {
                if (shard.ContainsKey(grain)) continue;
                var reminder = NewReminder(grain, dueAt, now);
                shard[grain] = reminder;
                added.Add(reminder);
            }
        }
        var entries = _scheduler.ScheduleMany(added.ConvertAll(r => (r.FirstWake, (ITimerTarget)r)));
        for (var i = 0; i < added.Count; i++)
        {
            var reminder = added[i];
            lock (ShardOf(reminder.Grain)) reminder.Entry ??= entries[i];
        }
        return added.Count;
    }

    /// <summary>A reminder due at <paramref name="dueAt"/>: far enough ahead, it first wakes for the warm-up, so the grain's state is read before the deadline, not at it.</summary>
    private Reminder NewReminder(GrainId grain, DateTimeOffset dueAt, long nowTicks)
    {
        var reminder = new Reminder(this, grain, dueAt.UtcTicks);
        reminder.WarmingUp = _warmUpTicks > 0 && reminder.DueUtcTicks - _warmUpTicks > nowTicks;
        reminder.FirstWake = new DateTimeOffset(reminder.WarmingUp ? reminder.DueUtcTicks - _warmUpTicks : reminder.DueUtcTicks, TimeSpan.Zero);
        return reminder;
    }

    /// <summary>The pending reminder of <paramref name="grain"/>, if any.</summary>
    public DateTimeOffset? Get(GrainId grain)
    {
        var reminders = ShardOf(grain);
        lock (reminders) return reminders.TryGetValue(grain, out var r) ? r.DueAt : null;
    }

    /// <summary>
    /// The earliest pending due instant, or null when none is pending. It reads every reminder (a million take a few
    /// milliseconds): for occasional decisions such as whether a pause may start now, not for a hot path.
    /// </summary>
    public DateTimeOffset? Earliest()
    {
        var earliest = long.MaxValue;
        foreach (var shard in _shards)
        {
            lock (shard)
            {
                foreach (var reminder in shard.Values) earliest = Math.Min(earliest, reminder.DueUtcTicks);
            }
        }
        return earliest == long.MaxValue ? null : new DateTimeOffset(earliest, TimeSpan.Zero);
    }

    private void Fire(Reminder reminder)
    {
        var reminders = ShardOf(reminder.Grain);
        bool due, activate = false;
        lock (reminders)
        {
            if (!reminders.TryGetValue(reminder.Grain, out var current) || !ReferenceEquals(current, reminder)) return;
            due = !reminder.WarmingUp;
            if (due) reminders.Remove(reminder.Grain);
            else
            {
                reminder.WarmingUp = false;
                reminder.Entry = _scheduler.Schedule(reminder.DueAt, reminder);
                activate = !_host.IsActive(reminder.Grain);
            }
        }
        if (due) _host.Send(reminder.Grain, new CallWorkItem(static (grain, args) => ((IRemindable)grain).ReceiveReminderAsync((DateTimeOffset)args![0]!), [reminder.DueAt]));
        // An empty call: activation on demand reads the state; the grain then idles in memory until its due time.
        else if (activate) _host.Send(reminder.Grain, new CallWorkItem(static (_, _) => Task.CompletedTask, []));
    }

    private sealed class Reminder(ReminderService owner, GrainId grain, long dueUtcTicks) : ITimerTarget
    {
        public GrainId Grain { get; } = grain;

        public long DueUtcTicks { get; } = dueUtcTicks;

        public DateTimeOffset DueAt => new(DueUtcTicks, TimeSpan.Zero);

        /// <summary>Whether <see cref="Entry"/> is the warm-up before the due time (guarded by the shard's lock).</summary>
        public bool WarmingUp { get; set; }

        public ScheduledTimer? Entry { get; set; }

        /// <summary>When it first wakes: the warm-up, or the due time itself.</summary>
        public DateTimeOffset FirstWake { get; set; }

        public void OnDue(ScheduledTimer timer) => owner.Fire(this);
    }
}
