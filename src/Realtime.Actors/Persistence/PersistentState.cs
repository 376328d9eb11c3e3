using System.Text.Json;
using Realtime.Actors.Storage;

namespace Realtime.Actors.Persistence;

/// <summary>A grain's persisted state (Orleans' <c>IPersistentState&lt;T&gt;</c>): the value, its etag, and explicit reads and writes.</summary>
public interface IPersistentState<TState> where TState : class, new()
{
    /// <summary>The current value (a new <typeparamref name="TState"/> until something is read or set).</summary>
    TState State { get; set; }

    /// <summary>The etag of the stored version this value is based on; null when none is stored.</summary>
    string? Etag { get; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>Loads the stored value (or a new one when none is stored).</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores the value; a concurrent writer's newer version makes this throw <see cref="InconsistentStateException"/>.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the stored value and resets <see cref="State"/>.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates <see cref="IPersistentState{TState}"/> facets for grains.</summary>
public interface IPersistentStateFactory
{
    /// <summary>The state of <paramref name="grain"/>, serialized with <paramref name="options"/> (web defaults when null).</summary>
    IPersistentState<TState> Create<TState>(GrainId grain, JsonSerializerOptions? options = null) where TState : class, new();
}

internal sealed class PersistentStateFactory(IGrainStorage storage) : IPersistentStateFactory
{
    private static readonly JsonSerializerOptions DefaultOptions = new(JsonSerializerDefaults.Web);

    public IPersistentState<TState> Create<TState>(GrainId grain, JsonSerializerOptions? options = null) where TState : class, new() =>
        new PersistentState<TState>(grain, storage, options ?? DefaultOptions);
}

/// <summary>JSON-serialized state over an <see cref="IGrainStorage"/>.</summary>
public sealed class PersistentState<TState>(GrainId grain, IGrainStorage storage, JsonSerializerOptions options) : IPersistentState<TState>
    where TState : class, new()
{
    /// <inheritdoc />
    public TState State { get; set; } = new();

    /// <inheritdoc />
    public string? Etag { get; private set; }

    /// <inheritdoc />
    public bool RecordExists => Etag is not null;

    /// <inheritdoc />
    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(grain, cancellationToken);
        State = stored is null ? new TState() : JsonSerializer.Deserialize<TState>(stored.Data.Span, options) ?? new TState();
        Etag = stored?.Etag;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        Etag = await storage.WriteAsync(grain, JsonSerializer.SerializeToUtf8Bytes(State, options), Etag, cancellationToken);

    /// <inheritdoc />
    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearAsync(grain, Etag, cancellationToken);
        Etag = null;
        State = new TState();
    }
}
