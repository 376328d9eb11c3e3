using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Realtime.Grains.Diagnostics;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Deadlines;

/// <summary>
/// One pending deadline per grain: "wake this grain at this instant", exact to the timer tick (Orleans reminders are
/// minute-grained and one table row each). A deadline outlives activations: at its instant it calls the grain's
/// <see cref="IDeadlineReceiver.ReceiveDeadlineAsync"/>, which activates it if it left memory; <see cref="DeadlineOptions.WarmUp"/>
/// ahead it has the checkpointer read the grain's state, so the deadline's turn does not wait for storage. A wake-up that
/// fails is tried again, with growing pauses, until the grain takes it or sets a deadline of its own. This carries
/// precision; durability is the deadline index, which the checkpointer writes and start-up loads back into it.
/// </summary>
public sealed partial class DeadlineScheduler
{
    // Every complaint turn sets its reminder: shards keep those turns from queueing on one lock (the scheduler's heap
    // still has one, held only for its O(log n) insert).
    private const int ShardCount = 16;
    // A failed wake-up is tried again after 1 s, doubling to a minute: a restart's burst of overdue deadlines can keep
    // some calls waiting past Orleans' response timeout, and a deadline dropped then would not fire until the next start.
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    private readonly Dictionary<GrainKey, Reminder>[] _shards = Enumerable.Range(0, ShardCount).Select(_ => new Dictionary<GrainKey, Reminder>()).ToArray();

    private Dictionary<GrainKey, Reminder> ShardOf(GrainKey grain) => _shards[(grain.GetHashCode() & int.MaxValue) % ShardCount];
    private readonly TimerScheduler _scheduler;
    private readonly IGrainFactory _grains;
    private readonly IStateCheckpointer _states;
    private readonly ILogger _log;
    private readonly long _warmUpTicks;

    /// <summary>A scheduler whose deadlines call grains through <paramref name="grains"/>, their states read ahead by <paramref name="states"/>.</summary>
    public DeadlineScheduler(TimerScheduler scheduler, IGrainFactory grains, IStateCheckpointer states, IOptions<DeadlineOptions> options, ILogger<DeadlineScheduler> log)
    {
        _scheduler = scheduler;
        _grains = grains;
        _states = states;
        _log = log;
        _warmUpTicks = Math.Max(0, options.Value.WarmUp.Ticks);
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
    public void Set(GrainKey grain, DateTimeOffset? dueAt)
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
    public int SetWhereUnset(IReadOnlyCollection<(GrainKey Grain, DateTimeOffset DueAt)> reminders)
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
    private Reminder NewReminder(GrainKey grain, DateTimeOffset dueAt, long nowTicks)
    {
        var reminder = new Reminder(this, grain, dueAt.UtcTicks);
        reminder.WarmingUp = _warmUpTicks > 0 && reminder.DueUtcTicks - _warmUpTicks > nowTicks;
        reminder.FirstWake = new DateTimeOffset(reminder.WarmingUp ? reminder.DueUtcTicks - _warmUpTicks : reminder.DueUtcTicks, TimeSpan.Zero);
        return reminder;
    }

    /// <summary>Every pending deadline (a silo that stops hands them over).</summary>
    public IReadOnlyList<(GrainKey Grain, DateTimeOffset DueAt)> Pending()
    {
        var pending = new List<(GrainKey, DateTimeOffset)>();
        foreach (var shard in _shards)
        {
            lock (shard)
            {
                foreach (var reminder in shard.Values) pending.Add((reminder.Grain, reminder.DueAt));
            }
        }
        return pending;
    }

    /// <summary>The pending reminder of <paramref name="grain"/>, if any.</summary>
    public DateTimeOffset? Get(GrainKey grain)
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
        bool due;
        lock (reminders)
        {
            if (!reminders.TryGetValue(reminder.Grain, out var current) || !ReferenceEquals(current, reminder)) return;
            due = !reminder.WarmingUp;
            if (due) reminders.Remove(reminder.Grain);
            else
            {
                reminder.WarmingUp = false;
                reminder.Entry = _scheduler.Schedule(reminder.DueAt, reminder);
            }
        }
        if (!due)
        {
            // Only the state is read ahead, not the grain activated: an activation idling until its deadline outlived young
            // collections by the thousand in a burst of deadlines, and copying them was most of the alert tail's pauses.
            _states.Prefetch(reminder.Grain);
            return;
        }
        RealtimeMetrics.DeadlineFireLateness.Record(TimeSpan.FromTicks(_scheduler.UtcNowTicks - reminder.DueUtcTicks).TotalMilliseconds);
        var grain = _grains.GetGrain<IDeadlineReceiver>(GrainId.Create(reminder.Grain.Type, reminder.Grain.Key));
        _ = ObserveAsync(grain.ReceiveDeadlineAsync(reminder.DueAt), reminder.Grain, reminder.DueAt, reminder.Attempt);
    }

    // Runs on the scheduler's timer thread, never in a grain turn.
    private async Task ObserveAsync(Task call, GrainKey grain, DateTimeOffset dueAt, int attempt)
    {
        try
        {
            await call;
        }
        catch (Exception e)
        {
            var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempt, 6)));
            LogWakeFailed(e, grain, dueAt, attempt + 1, delay.TotalSeconds);
            Retry(grain, dueAt, attempt + 1, delay);
        }
    }

    // Delivers the same deadline again later, unless the grain has set one since (its turn ran after all, or moved it):
    // it knows better. Delivering twice is harmless, as any repeated wake-up is.
    private void Retry(GrainKey grain, DateTimeOffset dueAt, int attempt, TimeSpan delay)
    {
        var reminders = ShardOf(grain);
        lock (reminders)
        {
            if (reminders.ContainsKey(grain)) return;
            var reminder = new Reminder(this, grain, dueAt.UtcTicks) { Attempt = attempt };
            reminder.FirstWake = new DateTimeOffset(_scheduler.UtcNowTicks, TimeSpan.Zero) + delay;
            try
            {
                reminder.Entry = _scheduler.Schedule(reminder.FirstWake, reminder);
            }
            catch (ObjectDisposedException)
            {
                // The silo has stopped: the deadline index re-arms it at the next start.
                return;
            }
            reminders[grain] = reminder;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The deadline of {Grain} due {DueAt} could not be delivered; attempt {Attempt} in {DelaySeconds} s")]
    private partial void LogWakeFailed(Exception error, GrainKey grain, DateTimeOffset dueAt, int attempt, double delaySeconds);

    private sealed class Reminder(DeadlineScheduler owner, GrainKey grain, long dueUtcTicks) : ITimerTarget
    {
        public GrainKey Grain { get; } = grain;

        public long DueUtcTicks { get; } = dueUtcTicks;

        public DateTimeOffset DueAt => new(DueUtcTicks, TimeSpan.Zero);

        /// <summary>Whether <see cref="Entry"/> is the warm-up before the due time (guarded by the shard's lock).</summary>
        public bool WarmingUp { get; set; }

        public ScheduledTimer? Entry { get; set; }

        /// <summary>How many deliveries of this deadline failed before this one.</summary>
        public int Attempt { get; init; }

        /// <summary>When it first wakes: the warm-up, or the due time itself.</summary>
        public DateTimeOffset FirstWake { get; set; }

        public void OnDue(ScheduledTimer timer) => owner.Fire(this);
    }
}
