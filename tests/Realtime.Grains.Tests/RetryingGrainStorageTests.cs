using Orleans.Storage;
using Realtime.Grains.Persistence;
using Realtime.Testing;
using Xunit;

namespace Realtime.Grains.Tests;

/// <summary>The first grain read after a database outage hits a dropped connection: it is retried, not failed.</summary>
public sealed class RetryingGrainStorageTests
{
    private static readonly GrainId Floor = GrainId.Create("floor", "floor");

    [Fact]
    public async Task A_read_that_fails_for_a_moment_is_retried_until_it_succeeds()
    {
        var clock = new FakeTimeProvider();
        var inner = new FlakyStorage(failures: 2, () => new TimeoutException("connection dropped"));
        var read = new RetryingGrainStorage(inner, clock).ReadStateAsync("floor", Floor, new GrainState<string>());

        await CompleteAsync(read, clock);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task A_stale_etag_is_not_retried()
    {
        var inner = new FlakyStorage(failures: 1, () => new Orleans.Storage.InconsistentStateException("stale", "1", "2"));
        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => new RetryingGrainStorage(inner, new FakeTimeProvider()).WriteStateAsync("floor", Floor, new GrainState<string>()));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task A_storage_that_stays_down_fails_after_the_last_attempt()
    {
        var clock = new FakeTimeProvider();
        var inner = new FlakyStorage(failures: int.MaxValue, () => new TimeoutException("down"));
        var read = new RetryingGrainStorage(inner, clock).ReadStateAsync("floor", Floor, new GrainState<string>());

        await Assert.ThrowsAsync<TimeoutException>(() => CompleteAsync(read, clock));
        Assert.Equal(CheckpointOptions.MaxLoadAttempts, inner.Calls);
    }

    // Moves the fake clock on until the retries are done (each pause is at most 2 s).
    private static async Task CompleteAsync(Task operation, FakeTimeProvider clock)
    {
        for (var i = 0; i < 100 && !operation.IsCompleted; i++)
        {
            await Task.Yield();
            clock.Advance(TimeSpan.FromMilliseconds(500));
        }
        await operation;
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
