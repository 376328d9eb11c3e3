using System.Text.Json;
using Realtime.Actors;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Teams;

/// <summary>What the floor grain persists: the team ids.</summary>
public sealed class FloorGrainState
{
    /// <summary>Every team that ever had an event.</summary>
    public SortedSet<string> Teams { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The floor's team registry. It never calls other grains, so team grains may await it without risk of a cycle.</summary>
internal sealed class FloorGrain(IStateCheckpointer checkpointer) : Grain, IFloorGrain
{
    private FloorGrainState _state = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await checkpointer.LoadAsync(GrainId, cancellationToken);
        _state = stored is { } bytes ? JsonSerializer.Deserialize<FloorGrainState>(bytes.Span, GrainJson.Options)! : new FloorGrainState();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => checkpointer.ReleaseAsync(GrainId);

    public Task RegisterTeamAsync(string teamId)
    {
        if (_state.Teams.Add(teamId)) checkpointer.Stage(GrainId, JsonSerializer.SerializeToUtf8Bytes(_state, GrainJson.Options), null);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetTeamIdsAsync() => Task.FromResult<IReadOnlyList<string>>(_state.Teams.ToArray());
}
