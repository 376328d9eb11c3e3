using System.Threading.Channels;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Persistence;

/// <summary>
/// Coalesces the state reads of grains activating at the same time into one storage round trip: a batch of 1,000 new
/// complaints costs one read, not 1,000. One read runs at a time; whatever arrives meanwhile forms the next one.
/// A failed read fails its requests (each caller retries as it would a single read).
/// </summary>
internal sealed class BatchedStateReader : IDisposable
{
    /// <summary>Most grains read in one round trip.</summary>
    public const int MaxBatch = 1_000;

    private readonly IBatchGrainStateStore _storage;
    private readonly Channel<(GrainKey Grain, TaskCompletionSource<StoredGrainState?> Result)> _requests =
        Channel.CreateUnbounded<(GrainKey, TaskCompletionSource<StoredGrainState?>)>(new UnboundedChannelOptions { SingleReader = true });

    public BatchedStateReader(IBatchGrainStateStore storage)
    {
        _storage = storage;
        _ = Task.Run(ReadLoopAsync);
    }

    /// <summary>Reads the stored state of <paramref name="grain"/> together with whatever other grains are being read.</summary>
    public Task<StoredGrainState?> ReadAsync(GrainKey grain, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<StoredGrainState?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_requests.Writer.TryWrite((grain, result))) throw new ObjectDisposedException(nameof(BatchedStateReader));
        return result.Task.WaitAsync(cancellationToken);
    }

    private async Task ReadLoopAsync()
    {
        var batch = new List<(GrainKey Grain, TaskCompletionSource<StoredGrainState?> Result)>(MaxBatch);
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _requests.Reader.TryRead(out var request)) batch.Add(request);
            try
            {
                var found = await _storage.ReadManyAsync(batch.Select(r => r.Grain).Distinct().ToList()).ConfigureAwait(false);
                foreach (var (grain, result) in batch) result.TrySetResult(found.GetValueOrDefault(grain));
            }
            catch (Exception e)
            {
                foreach (var (_, result) in batch) result.TrySetException(e);
            }
        }
    }

    public void Dispose() => _requests.Writer.TryComplete();
}
