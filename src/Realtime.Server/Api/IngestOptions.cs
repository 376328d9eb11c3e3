namespace Realtime.Server.Api;

/// <summary>Settings of the ingest endpoint (sections <c>Ingest</c> and <c>Auth</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>The contract's limit of events per request.</summary>
    public const int MaxEventsPerRequest = 10_000;

    /// <summary>Default of <see cref="MaxBodyBytes"/>: 16 MiB, room for 10,000 events of ~1.6 KB.</summary>
    public const long DefaultMaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>Default of <see cref="FailoverWait"/>: longer than the cluster takes to declare a dead server dead.</summary>
    public static readonly TimeSpan DefaultFailoverWait = TimeSpan.FromSeconds(20);

    /// <summary>How long a request waits for the journal's writer to move to a survivor when its server died (then 503).</summary>
    public TimeSpan FailoverWait { get; set; } = DefaultFailoverWait;

    /// <summary>Default of <see cref="MaxEventAge"/>: a quarter's appraisal looks back a year at most, with a month to spare.</summary>
    public static readonly TimeSpan DefaultMaxEventAge = TimeSpan.FromDays(400);

    /// <summary>Default of <see cref="MaxClockSkew"/>: room for clocks of integrations a few minutes fast.</summary>
    public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Instants (<c>occurredAt</c>, <c>visitedAt</c>) older than this before the server clock are 400.</summary>
    public TimeSpan MaxEventAge { get; set; } = DefaultMaxEventAge;

    /// <summary>Instants further than this ahead of the server clock are 400.</summary>
    public TimeSpan MaxClockSkew { get; set; } = DefaultMaxClockSkew;

    /// <summary>The per-user (or per-key) rate limit of ingest requests; over it: 429 with Retry-After.</summary>
    public IngestRateLimit RateLimit { get; set; } = new();

    /// <summary>The rules of <c>Ingest:*</c>, naming the key of each bad value.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxBodyBytes <= 0) errors.Add($"Ingest:MaxBodyBytes must be positive (was {MaxBodyBytes})");
        if (MaxEventAge <= TimeSpan.Zero || MaxEventAge > TimeSpan.FromDays(36_500)) errors.Add($"Ingest:MaxEventAge must be positive and at most 100 years (was {MaxEventAge})");
        if (MaxClockSkew < TimeSpan.Zero || MaxClockSkew > TimeSpan.FromDays(366)) errors.Add($"Ingest:MaxClockSkew must be from 0 to 366 days (was {MaxClockSkew})");
        if (RateLimit.RequestsPerSecond < 1) errors.Add($"Ingest:RateLimit:RequestsPerSecond must be at least 1 (was {RateLimit.RequestsPerSecond})");
        if (FailoverWait < TimeSpan.Zero) errors.Add($"Ingest:FailoverWait must not be negative (was {FailoverWait})");
        if (RateLimit.Burst < 1) errors.Add($"Ingest:RateLimit:Burst must be at least 1 (was {RateLimit.Burst})");
        return errors;
    }

    /// <summary>Keys accepted in <c>X-Api-Key</c> (<c>Auth:IngestKeys</c>), each granting the <c>ingest</c> role.</summary>
    public string[] IngestKeys { get; set; } = [];
}
