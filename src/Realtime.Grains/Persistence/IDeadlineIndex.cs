
namespace Realtime.Grains.Persistence;

/// <summary>
/// The durable deadline index (our replacement for Orleans reminders): for each grain with a pending
/// deadline, when to wake it. Lets an idle grain leave memory and still be woken on time, and lets
/// a restarted server fire every deadline that passed while it was down.
/// </summary>
public interface IDeadlineIndex
{
    /// <summary>Sets or removes (<see cref="Deadline.IsEmpty"/>) the entries of the given grains, in one transaction.</summary>
    Task SetAsync(IReadOnlyCollection<Deadline> deadlines, CancellationToken cancellationToken = default);

    /// <summary>Every stored deadline, in any order.</summary>
    IAsyncEnumerable<Deadline> LoadAllAsync(CancellationToken cancellationToken = default);
}
