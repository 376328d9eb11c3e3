namespace Realtime.Grains.Deadlines;

/// <summary>A grain the <see cref="DeadlineScheduler"/> wakes at its deadline, activating it if it left memory.</summary>
public interface IDeadlineReceiver : IGrainWithStringKey
{
    /// <summary>The grain's deadline came due. Handlers must be idempotent: a deadline may be delivered again after a restart.</summary>
    /// <param name="dueAt">The instant the deadline was set for (it is delivered at or after it).</param>
    Task ReceiveDeadlineAsync(DateTimeOffset dueAt);
}
