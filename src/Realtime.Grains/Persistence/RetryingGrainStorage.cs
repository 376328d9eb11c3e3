using Orleans.Storage;

namespace Realtime.Grains.Persistence;

/// <summary>
/// Retries a grain storage's reads and writes that fail for a moment (a connection the database dropped, which the pool
/// hands out once more after an outage), as the checkpointer retries its loads: up to
/// <see cref="CheckpointOptions.MaxLoadAttempts"/> attempts, 50 ms apart and doubling to 2 s. Without it the first grain
/// activated after an outage failed, and with it the event that activated it. A stale etag is not retried.
/// </summary>
/// <param name="inner">The storage whose calls are retried.</param>
/// <param name="clock">The clock the pauses between attempts run on.</param>
public sealed class RetryingGrainStorage(IGrainStorage inner, TimeProvider clock) : IGrainStorage
{
    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RetryAsync(() => inner.ReadStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RetryAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RetryAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    private async Task RetryAsync(Func<Task> operation)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await operation();
                return;
            }
            catch (Exception e) when (attempt < CheckpointOptions.MaxLoadAttempts && !IsFinal(e))
            {
            }
            await Task.Delay(delay, clock);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
        }
    }

    private static bool IsFinal(Exception e) =>
        e is OperationCanceledException or ObjectDisposedException or Orleans.Storage.InconsistentStateException
        || e.InnerException is Orleans.Storage.InconsistentStateException;
}
