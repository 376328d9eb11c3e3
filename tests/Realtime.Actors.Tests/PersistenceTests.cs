using Realtime.Actors.Persistence;
using Realtime.Actors.Storage;

namespace Realtime.Actors.Tests;

public sealed class PersistenceTests
{
    private static readonly GrainId Grain = new("counter", "c1");
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_written_state_is_read_back_with_the_same_etag()
    {
        var storage = new InMemoryGrainStorage();
        var writer = new PersistentState<CounterState>(Grain, storage, Json);
        Assert.False(writer.RecordExists);

        writer.State.Value = 42;
        await writer.WriteStateAsync();
        var reader = new PersistentState<CounterState>(Grain, storage, Json);
        await reader.ReadStateAsync();

        Assert.True(reader.RecordExists);
        Assert.Equal(42, reader.State.Value);
        Assert.NotNull(writer.Etag);
        Assert.Equal(writer.Etag, reader.Etag);
    }

    [Fact]
    public async Task Each_write_gets_a_new_etag_and_the_writer_can_keep_writing()
    {
        var storage = new InMemoryGrainStorage();
        var state = new PersistentState<CounterState>(Grain, storage, Json);

        await state.WriteStateAsync();
        var first = state.Etag;
        state.State.Value = 1;
        await state.WriteStateAsync();

        Assert.NotEqual(first, state.Etag);
        Assert.Equal(1, storage.Count);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_etag_is_refused()
    {
        var storage = new InMemoryGrainStorage();
        var first = new PersistentState<CounterState>(Grain, storage, Json);
        var second = new PersistentState<CounterState>(Grain, storage, Json);
        await first.WriteStateAsync();
        await second.ReadStateAsync();
        second.State.Value = 2;
        await second.WriteStateAsync();

        first.State.Value = 1;
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => first.WriteStateAsync());

        Assert.Equal(Grain, error.GrainId);
        Assert.Equal(first.Etag, error.ExpectedEtag);
        Assert.Equal(second.Etag, error.StoredEtag);
        await first.ReadStateAsync();
        Assert.Equal(2, first.State.Value);
    }

    [Fact]
    public async Task A_first_write_is_refused_when_someone_else_created_the_record()
    {
        var storage = new InMemoryGrainStorage();
        var early = new PersistentState<CounterState>(Grain, storage, Json);
        var late = new PersistentState<CounterState>(Grain, storage, Json);
        await early.WriteStateAsync();

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => late.WriteStateAsync());

        Assert.Null(error.ExpectedEtag);
    }

    [Fact]
    public async Task Clearing_removes_the_record_and_resets_the_state()
    {
        var storage = new InMemoryGrainStorage();
        var state = new PersistentState<CounterState>(Grain, storage, Json);
        state.State.Value = 7;
        await state.WriteStateAsync();

        await state.ClearStateAsync();

        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State.Value);
        Assert.Null(await storage.ReadAsync(Grain));
        var reader = new PersistentState<CounterState>(Grain, storage, Json);
        await reader.ReadStateAsync();
        Assert.False(reader.RecordExists);
        // After a clear, the record can be created afresh.
        await state.WriteStateAsync();
        Assert.Equal(1, storage.Count);
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_is_refused()
    {
        var storage = new InMemoryGrainStorage();
        var stale = new PersistentState<CounterState>(Grain, storage, Json);
        await stale.WriteStateAsync();
        var fresh = new PersistentState<CounterState>(Grain, storage, Json);
        await fresh.ReadStateAsync();
        await fresh.WriteStateAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale.ClearStateAsync());

        Assert.NotNull(await storage.ReadAsync(Grain));
    }

    [Fact]
    public async Task Grains_get_their_state_from_the_host_s_storage()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ICounterGrain>("stored");
        await grain.Add(3);
        await grain.Deactivate();
        await host.Journal.WaitFor("deactivate:counter/stored:Requested");

        var reader = new PersistentState<CounterState>(new GrainId("counter", "stored"), host.Storage, Json);
        await reader.ReadStateAsync();

        Assert.Equal(3, reader.State.Value);
    }

}
