using Orleans.Storage;
using Realtime.Grains.Persistence;
using Xunit;

namespace Realtime.Grains.Tests;

/// <summary>The first grain read after a database outage hits a dropped connection: it is retried, not failed.</summary>
public sealed class RetryingGrainStorageTests
{
    private static readonly GrainId Floor = GrainId.Create("floor", "floor");

    [Fact]
    public async Task A_read_that_fails_for_a_moment_is_retried_until_it_succeeds()
    {
        var clock = new RecordingPauses();
        var inner = new FlakyStorage(failures: 2, () => new TimeoutException("connection dropped"));

        await new RetryingGrainStorage(inner, clock).ReadStateAsync("floor", Floor, new GrainState<string>());
        Assert.Equal(3, inner.Calls);
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)], clock.Pauses);
    }

    [Fact]
    public async Task A_stale_etag_is_not_retried()
    {
        var inner = new FlakyStorage(failures: 1, () => new Orleans.Storage.InconsistentStateException("stale", "1", "2"));
        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => new RetryingGrainStorage(inner, new RecordingPauses()).WriteStateAsync("floor", Floor, new GrainState<string>()));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task A_storage_that_stays_down_fails_after_the_last_attempt()
    {
        var clock = new RecordingPauses();
        var inner = new FlakyStorage(failures: int.MaxValue, () => new TimeoutException("down"));

        await Assert.ThrowsAsync<TimeoutException>(() => new RetryingGrainStorage(inner, clock).ReadStateAsync("floor", Floor, new GrainState<string>()));
        Assert.Equal(CheckpointOptions.MaxLoadAttempts, inner.Calls);
        // 50 ms doubling, at most 2 s: about 9 s of retries in all.
        Assert.Equal(TimeSpan.FromMilliseconds(9_150), clock.Pauses.Aggregate(TimeSpan.Zero, (a, b) => a + b));
    }

    // Ends every pause at once and records how long it was asked to be: the retries' schedule without waiting for it.
    private sealed class RecordingPauses : TimeProvider
    {
        public List<TimeSpan> Pauses { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Pauses) Pauses.Add(dueTime);
            return new Immediate(callback, state);
        }

        private sealed class Immediate : ITimer
        {
            public Immediate(TimerCallback callback, object? state) => ThreadPool.QueueUserWorkItem(_ => callback(state));

            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class FlakyStorage(int failures, Func<Exception> failure) : IGrainStorage
    {
        public int Calls { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Next();

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Next();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Next();

        private Task Next() => ++Calls <= failures ? Task.FromException(failure()) : Task.CompletedTask;
    }
}
