namespace Realtime.Grains.Persistence;

/// <summary>A grain's stored state as the storage holds it: serialized bytes plus the etag that guards writes.</summary>
/// <param name="Data">The serialized state (UTF-8 JSON).</param>
/// <param name="Etag">Opaque version; a write must present the current one.</param>
public sealed record StoredGrainState(ReadOnlyMemory<byte> Data, string Etag);
