namespace Realtime.Server.Api;

/// <summary><c>Ingest:RateLimit</c>: a token bucket of requests per user or ingest key (a request carries up to 10,000 events).</summary>
public sealed class IngestRateLimit
{
    /// <summary>Requests per second each user or key may send on average.</summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>Requests a user or key may send at once (the bucket's size).</summary>
    public int Burst { get; set; } = 200;
}
