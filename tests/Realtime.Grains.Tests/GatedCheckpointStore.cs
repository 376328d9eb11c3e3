using Microsoft.Extensions.DependencyInjection;
using Realtime.Grains;
using Realtime.Grains.Complaints;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Tests;

/// <summary>A checkpoint store whose writes wait while it is closed (storage that has stalled).</summary>
internal sealed class GatedCheckpointStore
{
    private TaskCompletionSource _open = Opened();
    private readonly HashSet<string> _written = [];
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a write has come to the closed gate and waits there.</summary>
    public Task Held => _held.Task;

    public void Close() => _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public int Written(string complaintId, GrainsTestHost host)
    {
        var id = new GrainKey("complaint", complaintId).ToString();
        lock (_written) return _written.Contains(id) ? 1 : 0;
    }

    public ICheckpointStore Wrap(ICheckpointStore inner) => new Gate(this, inner);

    /// <summary>A test host whose checkpoints go through this gate (in-memory storage behind it).</summary>
    public Task<GrainsTestHost> StartHostAsync() => GrainsTestHost.StartAsync(storage: s => s
        .AddSingleton(this)
        .AddSingleton<ICheckpointStore>(sp => Wrap(sp.GetRequiredService<InMemoryCheckpointStore>())));

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private sealed class Gate(GatedCheckpointStore owner, ICheckpointStore inner) : ICheckpointStore
    {
        public Task<long> ReadAppliedSequenceAsync(CancellationToken cancellationToken = default) => inner.ReadAppliedSequenceAsync(cancellationToken);

        public async Task<IReadOnlyList<string>> WriteCheckpointAsync(IReadOnlyList<GrainStateWrite> states, IReadOnlyCollection<Deadline> deadlines, long appliedSequence, CancellationToken cancellationToken = default)
        {
            var open = owner._open.Task;
            if (!open.IsCompleted) owner._held.TrySetResult();
            await open.WaitAsync(cancellationToken);
            var etags = await inner.WriteCheckpointAsync(states, deadlines, appliedSequence, cancellationToken);
            lock (owner._written)
            {
                foreach (var s in states) owner._written.Add(s.Id.ToString());
            }
            return etags;
        }
    }
}
