using Realtime.Domain.Events;

namespace Realtime.Domain.Clocks;

/// <summary>
/// Everything that decides a complaint's clocks and signals: the clocks, the escalation chain and how late a
/// signal may be detected before it is marked late. Build it from configuration with <see cref="SlaOptions.ToPolicy"/>.
/// </summary>
public sealed record SlaPolicy
{
    /// <summary>Built-in clock name: first response (首次响应), 2 minutes.</summary>
    public const string FirstResponse = "firstResponse";
    /// <summary>Built-in clock name: resolution (投诉处理时效), 48 hours.</summary>
    public const string Resolution = "resolution";
    /// <summary>Built-in clock name: 7-day quick resolution (投诉七日快处).</summary>
    public const string QuickResolution = "quickResolution";

    /// <summary>The built-in clocks, in this order: first response, resolution, quick resolution.</summary>
    public static IReadOnlyList<ClockPolicy> DefaultClocks { get; } =
    [
        new(FirstResponse, EventType.ComplaintOpened, EventType.ComplaintResponded, TimeSpan.FromMinutes(2), ClockPolicy.DefaultWarnAt, Pausable: false, ReopenRule.Resume),
        new(Resolution, EventType.ComplaintOpened, EventType.ComplaintResolved, TimeSpan.FromHours(48), ClockPolicy.DefaultWarnAt, Pausable: true, ReopenRule.Resume),
        new(QuickResolution, EventType.ComplaintOpened, EventType.ComplaintResolved, TimeSpan.FromDays(7), ClockPolicy.DefaultWarnAt, Pausable: true, ReopenRule.Resume),
    ];

    /// <summary>The default tolerance before a signal is marked late: 2 seconds.</summary>
    public static TimeSpan DefaultLateTolerance { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The defaults of domain.md and contract.md.</summary>
    public static SlaPolicy Default { get; } = new() { Clocks = DefaultClocks };

    private readonly IReadOnlyList<ClockPolicy> _clocks = [];

    /// <summary>The clocks every complaint runs; names are unique (ordinal, case-insensitive).</summary>
    public required IReadOnlyList<ClockPolicy> Clocks
    {
        get => _clocks;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var duplicate = value.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new ArgumentException($"Clock name '{duplicate.Key}' is used more than once.", nameof(Clocks));
            _clocks = value.ToArray();
        }
    }

    /// <summary>The escalation chain; default team lead at breach, deputy director +4 h, director +24 h.</summary>
    public EscalationPolicy Escalation { get; init; } = EscalationPolicy.Default;

    /// <summary>A signal detected more than this after its own instant is marked late; default 2 s.</summary>
    public TimeSpan LateTolerance { get; init; } = DefaultLateTolerance;

    /// <summary>Value equality, including the clocks element by element.</summary>
    public bool Equals(SlaPolicy? other) =>
        other is not null && Clocks.SequenceEqual(other.Clocks) && Escalation.Equals(other.Escalation) && LateTolerance == other.LateTolerance;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Clocks.Count, Escalation, LateTolerance);
}
