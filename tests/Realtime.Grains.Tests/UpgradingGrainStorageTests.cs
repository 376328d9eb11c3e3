using System.Text.Json;
using Orleans.Storage;
using Realtime.Grains;
using Realtime.Grains.Persistence;
using Realtime.Grains.Teams;
using Xunit;

namespace Realtime.Grains.Tests;

/// <summary>The floor's team list, which earlier versions checkpointed, survives the move to Orleans' ADO.NET storage.</summary>
public sealed class UpgradingGrainStorageTests
{
    private static readonly GrainId Floor = GrainId.Create("floor", IFloorGrain.Key);

    [Fact]
    public async Task A_grain_with_no_record_starts_from_its_checkpointed_state_and_its_first_write_moves_it()
    {
        var checkpoints = new InMemoryGrainStateStore();
        await checkpoints.WriteAsync(new GrainKey("floor", IFloorGrain.Key), Json(new FloorGrainState { Teams = { "T1", "T2" } }), null);
        var orleans = new DictionaryGrainStorage();
        var storage = new UpgradingGrainStorage(orleans, checkpoints);

        var state = new GrainState<FloorGrainState>(new FloorGrainState());
        await storage.ReadStateAsync("floor", Floor, state);
        Assert.Equal(["T1", "T2"], state.State!.Teams);
        Assert.False(state.RecordExists);

        state.State!.Teams.Add("T3");
        await storage.WriteStateAsync("floor", Floor, state);
        var again = new GrainState<FloorGrainState>(new FloorGrainState());
        await storage.ReadStateAsync("floor", Floor, again);
        Assert.True(again.RecordExists);
        Assert.Equal(["T1", "T2", "T3"], again.State!.Teams);
    }

    [Fact]
    public async Task A_grain_that_has_a_record_ignores_what_was_checkpointed_before()
    {
        var checkpoints = new InMemoryGrainStateStore();
        await checkpoints.WriteAsync(new GrainKey("floor", IFloorGrain.Key), Json(new FloorGrainState { Teams = { "old" } }), null);
        var orleans = new DictionaryGrainStorage();
        await orleans.WriteStateAsync("floor", Floor, new GrainState<FloorGrainState>(new FloorGrainState { Teams = { "T9" } }));

        var state = new GrainState<FloorGrainState>(new FloorGrainState());
        await new UpgradingGrainStorage(orleans, checkpoints).ReadStateAsync("floor", Floor, state);
        Assert.Equal(["T9"], state.State!.Teams);
    }

    [Fact]
    public async Task A_grain_nobody_stored_starts_empty()
    {
        var state = new GrainState<FloorGrainState>(new FloorGrainState());
        await new UpgradingGrainStorage(new DictionaryGrainStorage(), new InMemoryGrainStateStore()).ReadStateAsync("floor", Floor, state);
        Assert.False(state.RecordExists);
        Assert.Empty(state.State!.Teams);
    }

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, GrainJson.Options);

    // Orleans' storage contract in a dictionary, storing JSON as the ADO.NET provider does with our serializer.
    private sealed class DictionaryGrainStorage : IGrainStorage
    {
        private readonly Dictionary<GrainId, BinaryData> _records = [];
        private readonly GrainJsonStorageSerializer _serializer = new();

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            grainState.RecordExists = _records.TryGetValue(grainId, out var data);
            if (data is not null) grainState.State = _serializer.Deserialize<T>(data);
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            _records[grainId] = _serializer.Serialize(grainState.State);
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            _records.Remove(grainId);
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }
    }
}
