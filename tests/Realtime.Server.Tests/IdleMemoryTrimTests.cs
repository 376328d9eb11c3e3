using Realtime.Server.Hosting;

namespace Realtime.Server.Tests;

/// <summary>When an idle server gives memory back: after a quiet spell, with enough to give, never near a deadline.</summary>
public sealed class IdleMemoryTrimTests
{
    private const long Frequency = 1_000;
    private const long MB = 1L << 20;
    private static readonly Func<TimeSpan?> NoDeadline = () => null;

    private static readonly MemoryTrimOptions Options = new()
    {
        IdleAfter = TimeSpan.FromSeconds(5),
        QuietAllocationBytesPerSecond = 8 * MB,
        MinimumReclaimBytes = 64 * MB,
        DeadlineClearance = TimeSpan.FromSeconds(10),
    };

    /// <summary>One sample per second from <paramref name="fromSecond"/>, allocating <paramref name="perSecond"/>, with the given committed and heap sizes.</summary>
    private static IEnumerable<MemorySample> Seconds(int fromSecond, int count, long allocatedAtStart, long perSecond, long committed, long heap) =>
        Enumerable.Range(0, count).Select(i => new MemorySample((fromSecond + i) * Frequency, allocatedAtStart + i * perSecond, committed, heap));

    [Fact]
    public void A_server_that_went_quiet_after_a_burst_trims_once_it_has_been_quiet_long_enough()
    {
        var policy = new IdleTrimPolicy(Options, Frequency);
        // A burst: 100 MB a second for 10 s, leaving 600 MB committed over 150 MB live.
        foreach (var busy in Seconds(0, 10, 0, 100 * MB, 600 * MB, 150 * MB)) Assert.False(policy.ShouldTrim(busy, NoDeadline));

        // Then quiet (1 MB/s, a floor refreshing its KPIs) from 9 s: not before 5 s of it, then at once.
        var quiet = Seconds(10, 5, 900 * MB, MB, 600 * MB, 150 * MB).ToList();
        Assert.All(quiet.Take(4), s => Assert.False(policy.ShouldTrim(s, NoDeadline)));
        Assert.True(policy.ShouldTrim(quiet[4], NoDeadline));
    }

    [Fact]
    public void A_busy_server_never_trims_however_much_is_committed()
    {
        var policy = new IdleTrimPolicy(Options, Frequency);
        Assert.All(Seconds(0, 120, 0, 20 * MB, 2_000 * MB, 100 * MB), s => Assert.False(policy.ShouldTrim(s, NoDeadline)));
    }

    [Fact]
    public void One_busy_second_starts_the_quiet_spell_again()
    {
        var policy = new IdleTrimPolicy(Options, Frequency);
        var samples = Seconds(0, 5, 0, MB, 600 * MB, 150 * MB)
            .Append(new MemorySample(5 * Frequency, 4 * MB + 50 * MB, 600 * MB, 150 * MB))
            .Concat(Seconds(6, 4, 55 * MB, MB, 600 * MB, 150 * MB)).ToList();
        Assert.All(samples, s => Assert.False(policy.ShouldTrim(s, NoDeadline)));
        Assert.True(policy.ShouldTrim(new MemorySample(10 * Frequency, 59 * MB, 600 * MB, 150 * MB), NoDeadline));
    }

    [Fact]
    public void Nothing_is_trimmed_when_little_is_committed_beyond_the_heap()
    {
        var policy = new IdleTrimPolicy(Options, Frequency);
        Assert.All(Seconds(0, 30, 0, 0, 200 * MB, 150 * MB), s => Assert.False(policy.ShouldTrim(s, NoDeadline)));
    }

    [Fact]
    public void A_trim_waits_while_a_deadline_is_near_so_its_pause_never_makes_an_alert_late()
    {
        var policy = new IdleTrimPolicy(Options, Frequency);
        var samples = Seconds(0, 20, 0, 0, 600 * MB, 150 * MB).ToList();
        // One deadline, due at 12 s: within the 10 s clearance from 3 s until it fires.
        TimeSpan? UntilDeadline(int second) => second < 12 ? TimeSpan.FromSeconds(12 - second) : null;
        var asked = 0;
        var trimmedAt = -1;
        for (var second = 0; second < samples.Count && trimmedAt < 0; second++)
        {
            var at = second;
            if (policy.ShouldTrim(samples[second], () => { asked++; return UntilDeadline(at); })) trimmedAt = second;
        }

        // Quiet long enough from 5 s, but the deadline is near until it has fired: then at once.
        Assert.Equal(12, trimmedAt);
        Assert.Equal(8, asked);
    }

    [Fact]
    public void After_a_trim_another_needs_a_new_quiet_spell()
    {
        var policy = new IdleTrimPolicy(Options, Frequency);
        var decisions = Seconds(0, 6, 0, 0, 600 * MB, 150 * MB).Select(s => policy.ShouldTrim(s, NoDeadline)).ToList();
        Assert.Equal([false, false, false, false, false, true], decisions);
        policy.Trimmed(new MemorySample(6 * Frequency, 0, 600 * MB, 150 * MB), TimeSpan.FromMilliseconds(750));

        Assert.All(Seconds(7, 4, 0, 0, 600 * MB, 150 * MB), s => Assert.False(policy.ShouldTrim(s, NoDeadline)));
        Assert.True(policy.ShouldTrim(new MemorySample(11 * Frequency, 0, 600 * MB, 150 * MB), NoDeadline));
    }

    [Fact]
    public void The_room_kept_before_a_deadline_grows_with_the_pause_the_last_trim_took_per_byte()
    {
        var policy = new IdleTrimPolicy(Options, Frequency);
        // Before any trim: 10 ms per MB, so 150 MB live is expected to pause 1.5 s; the clearance is 10 s + 3 s.
        Assert.Equal(TimeSpan.FromSeconds(1.5), policy.ExpectedPause(150 * MB));
        var quiet = Seconds(0, 7, 0, 0, 600 * MB, 150 * MB).ToList();
        Assert.All(quiet.Take(5), s => Assert.False(policy.ShouldTrim(s, NoDeadline)));
        Assert.False(policy.ShouldTrim(quiet[5], () => TimeSpan.FromSeconds(12.9)));
        Assert.True(policy.ShouldTrim(quiet[6], () => TimeSpan.FromSeconds(13)));

        // The trim took 2 s for 100 MB: the next one of 150 MB is expected to take 3 s.
        policy.Trimmed(new MemorySample(7 * Frequency, 0, 100 * MB, 100 * MB), TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(3), policy.ExpectedPause(150 * MB));
    }

    [Fact]
    public void Settings_that_cannot_work_are_named()
    {
        var errors = new MemoryTrimOptions { IdleAfter = TimeSpan.FromSeconds(-1), CheckInterval = TimeSpan.Zero, DeadlineClearance = TimeSpan.FromSeconds(-1), MinimumReclaimBytes = -1 }.Validate();
        Assert.Contains(errors, e => e.StartsWith("Memory:IdleAfter", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Memory:CheckInterval", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Memory:DeadlineClearance", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Memory:MinimumReclaimBytes", StringComparison.Ordinal));
        Assert.Empty(new MemoryTrimOptions().Validate());
    }
}
