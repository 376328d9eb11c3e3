namespace Realtime.Domain.Clocks;

/// <summary>
/// The escalation chain started by the first breach of an escalating clock.
/// <see cref="Delays"/>[i] is the offset from that breach instant at which the i-th step of the chain is reached.
/// A normal-severity complaint climbs level 1 (team lead) at <c>Delays[0]</c>, level 2 at <c>Delays[1]</c>,
/// level 3 at <c>Delays[2]</c>. A high-severity complaint starts one level up: level 2 (deputy director) at
/// <c>Delays[0]</c>, level 3 (director) at <c>Delays[1]</c>; its later delays are unused.
/// The chain climbs only while the complaint is not resolved (time while resolved does not count; a reopen lets it climb again),
/// and, with <see cref="StopWhenClockStops"/> (the default), only while a breached escalating clock has not stopped.
/// </summary>
/// <param name="Delays">Offsets from the breach instant, non-negative and non-decreasing, at most three.</param>
public sealed record EscalationPolicy(IReadOnlyList<TimeSpan> Delays)
{
    /// <summary>The highest level of the chain.</summary>
    public const int TopLevel = (int)EscalationRole.Director;

    /// <summary>The default chain: team lead at the breach, deputy director 4 h after it, director 24 h after it.</summary>
    public static EscalationPolicy Default { get; } = new([TimeSpan.Zero, TimeSpan.FromHours(4), TimeSpan.FromHours(24)]);

    /// <inheritdoc cref="EscalationPolicy" path="/param[@name='Delays']"/>
    public IReadOnlyList<TimeSpan> Delays { get; init; } = CheckDelays(Delays);

    /// <summary>
    /// Whether the chain stops climbing once every breached escalating clock has stopped (e.g. a late first response was
    /// given): a level falls due only while some breached escalating clock still counts (or is paused), else at the next
    /// instant one does again (another clock's breach, a reopen), or never. False: the old behaviour, climbing until resolved.
    /// Key <c>Sla:Escalation:StopWhenClockStops</c>; default true.
    /// </summary>
    public bool StopWhenClockStops { get; init; } = true;

    /// <summary>Value equality of the delays, element by element, and of <see cref="StopWhenClockStops"/>.</summary>
    public bool Equals(EscalationPolicy? other) =>
        other is not null && Delays.SequenceEqual(other.Delays) && StopWhenClockStops == other.StopWhenClockStops;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Delays.Aggregate(Delays.Count, HashCode.Combine), StopWhenClockStops);

    private static IReadOnlyList<TimeSpan> CheckDelays(IReadOnlyList<TimeSpan> delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        if (delays.Count > TopLevel)
            throw new ArgumentException($"At most {TopLevel} escalation delays.", nameof(Delays));
        for (var i = 0; i < delays.Count; i++)
        {
            if (delays[i] < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(Delays), delays[i], "Escalation delays must not be negative.");
            if (i > 0 && delays[i] < delays[i - 1])
                throw new ArgumentException("Escalation delays must not decrease.", nameof(Delays));
        }
        return delays.ToArray();
    }
}
