namespace Realtime.Actors;

/// <summary>
/// Identity of a grain: its type name (e.g. <c>complaint</c>) and its key (e.g. the complaint id).
/// Like Orleans' <c>GrainId</c>, one identity has at most one activation at a time.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary><c>type/key</c>, the form used in logs and storage.</summary>
    public override string ToString() => $"{Type}/{Key}";
}
