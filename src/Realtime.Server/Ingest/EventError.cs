namespace Realtime.Server.Ingest;

/// <summary>One problem with one event of a batch: which event (0-based), which field, what is wrong.</summary>
public sealed record EventError(int Index, string Field, string Message);
