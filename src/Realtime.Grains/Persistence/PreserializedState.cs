namespace Realtime.Grains.Persistence;

/// <summary>
/// A grain state its grain keeps serialized between turns (see the complaint grain), written by
/// <see cref="CheckpointGrainStorage"/> as the bytes it holds, with the summary boards list the grain by.
/// </summary>
public sealed class PreserializedState
{
    /// <summary>The serialized state (UTF-8 JSON); empty when nothing was ever stored.</summary>
    public ReadOnlyMemory<byte> Data { get; set; }

    /// <summary>The serialized board summary filed beside the state, if the grain is listed on boards.</summary>
    public byte[]? Summary { get; set; }
}
