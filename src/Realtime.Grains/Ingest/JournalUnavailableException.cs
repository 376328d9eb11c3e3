namespace Realtime.Grains.Ingest;

/// <summary>The journal could not store a batch; the batch was not acknowledged.</summary>
public sealed class JournalUnavailableException(Exception inner) : Exception("The event journal is unavailable: " + inner.Message, inner);
