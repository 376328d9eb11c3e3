namespace Realtime.Server.Live;

/// <summary>The live connections' backlog, as <c>/health/runtime</c> reports it.</summary>
/// <param name="Subscribers">Connections following at least one scope.</param>
/// <param name="Scopes">Scopes followed by at least one connection.</param>
/// <param name="Pending">Messages not yet read, summed over connections (before coalescing).</param>
/// <param name="Deepest">The most messages one connection has not yet read.</param>
/// <param name="Kept">Messages held in memory across all scope logs.</param>
/// <param name="Resyncs">Times a connection fell behind and was told to reload, since start.</param>
/// <param name="PerScope">The most unread events, and the most unread state messages, kept for one scope.</param>
public sealed record LiveBacklog(int Subscribers, int Scopes, long Pending, long Deepest, long Kept, long Resyncs, int PerScope);
