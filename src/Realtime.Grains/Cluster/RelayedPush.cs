namespace Realtime.Grains.Cluster;

/// <summary>A live push as another silo's connections receive it: already written as the hub's message, once, by the publishing silo.</summary>
/// <param name="Method">The hub method.</param>
/// <param name="Message">The hub protocol's bytes of the whole invocation.</param>
/// <param name="Scopes">The scopes it goes to.</param>
/// <param name="CoalesceKey">The state it describes, when only the latest matters (see <c>LiveMessage</c>).</param>
public sealed record RelayedPush(string Method, byte[] Message, IReadOnlyList<string> Scopes, string? CoalesceKey);
