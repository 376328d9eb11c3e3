using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Realtime.Grains.Persistence;

/// <summary>Checkpoints into an in-memory <see cref="IGrainStateStore"/>, so grains can leave memory and come back with their state while the process lives.</summary>
public sealed class InMemoryCheckpointStore(IGrainStateStore storage) : ICheckpointStore, IDeadlineIndex
{
    private readonly ConcurrentDictionary<GrainKey, Deadline> _deadlines = new();
    private long _applied;

    /// <inheritdoc />
    public Task<long> ReadAppliedSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(Interlocked.Read(ref _applied));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> WriteCheckpointAsync(IReadOnlyList<GrainStateWrite> states, IReadOnlyCollection<Deadline> deadlines, long appliedSequence, CancellationToken cancellationToken = default)
    {
        var etags = new List<string>(states.Count);
        foreach (var s in states) etags.Add(await storage.WriteAsync(s.Id, s.Data, s.ExpectedEtag, cancellationToken));
        await SetAsync(deadlines, cancellationToken);
        Interlocked.Exchange(ref _applied, appliedSequence);
        return etags;
    }

    /// <inheritdoc />
    public Task SetAsync(IReadOnlyCollection<Deadline> deadlines, CancellationToken cancellationToken = default)
    {
        foreach (var d in deadlines)
        {
            if (d.IsEmpty) _deadlines.TryRemove(d.Grain, out _);
            else _deadlines[d.Grain] = d;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Deadline> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var entry in _deadlines.Values) yield return entry;
    }
}
