namespace Realtime.Storage.Postgres;

/// <summary>The outcome of a health probe.</summary>
/// <param name="CanConnect">True when the database answered.</param>
/// <param name="Description">What was probed and, on failure, why it failed; safe to log (no password).</param>
public sealed record PostgresHealthReport(bool CanConnect, string Description);
