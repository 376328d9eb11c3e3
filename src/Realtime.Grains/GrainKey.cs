namespace Realtime.Grains;

/// <summary>
/// The key a grain's stored state, deadline and board summary are filed under: its grain type name (e.g. <c>complaint</c>) and its key (e.g. the complaint id).
/// The same as the grain's Orleans <c>GrainKey</c> (type and string key), as strings: storage keeps rows under <c>type/key</c>.
/// </summary>
/// <remarks>
/// The hash code is computed once: grain ids key the catalog, the reminders and the checkpointer, so every call and
/// every staged state hashed both strings again (a few percent of a busy floor's CPU). Like Orleans' own, whose hash is
/// stored with the id.
/// </remarks>
public readonly record struct GrainKey(string Type, string Key)
{
    private readonly int _hash = HashCode.Combine(Type, Key);

    /// <summary>The grain type's name. Read-only, so no <c>with</c> can leave the stored hash behind.</summary>
    public string Type { get; } = Type;

    /// <summary>The grain's key within its type.</summary>
    public string Key { get; } = Key;

    /// <summary>Same type and key (ordinal).</summary>
    public bool Equals(GrainKey other) =>
        _hash == other._hash && string.Equals(Key, other.Key, StringComparison.Ordinal) && string.Equals(Type, other.Type, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary><c>type/key</c>, the form used in logs and storage.</summary>
    public override string ToString() => $"{Type}/{Key}";
}
