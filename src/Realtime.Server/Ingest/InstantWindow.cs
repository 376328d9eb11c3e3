namespace Realtime.Server.Ingest;

/// <summary>
/// The instants ingest accepts: from <see cref="MaxAge"/> before the server clock to <see cref="MaxSkew"/> after it. An instant
/// outside it cannot be a real floor event, and grains and quarters computed from it (year 9999, quarter 0001Q1) would fail
/// after the 202 or escalate a breach of centuries.
/// </summary>
/// <param name="Now">The server (floor) clock when the batch was read.</param>
/// <param name="MaxAge">How far back an instant may lie (<c>Ingest:MaxEventAge</c>).</param>
/// <param name="MaxSkew">How far ahead of the server clock an instant may lie (<c>Ingest:MaxClockSkew</c>).</param>
public sealed record InstantWindow(DateTimeOffset Now, TimeSpan MaxAge, TimeSpan MaxSkew)
{
    /// <summary>The earliest accepted instant.</summary>
    public DateTimeOffset Earliest => Now - MaxAge;

    /// <summary>The latest accepted instant.</summary>
    public DateTimeOffset Latest => Now + MaxSkew;
}
