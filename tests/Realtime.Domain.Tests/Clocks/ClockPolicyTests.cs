using Realtime.Domain.Clocks;
using Realtime.Domain.Events;

namespace Realtime.Domain.Tests.Clocks;

public class ClockPolicyTests
{
    private static ClockPolicy Clock(TimeSpan target, params double[] warnAt) =>
        new("c", EventType.ComplaintOpened, EventType.ComplaintResolved, target, warnAt, Pausable: true, ReopenRule.Resume);

    [Fact]
    public void Warning_instants_are_exact_fractions_of_the_target()
    {
        var clock = Clock(TimeSpan.FromMinutes(2), 0.5, 0.75, 0.9);

        Assert.Equal([TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(108)], clock.WarnAt.Select(clock.TimeAtFraction));
    }

    [Fact]
    public void Clock_needs_a_positive_target()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Clock(TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Warning_fractions_must_lie_strictly_between_zero_and_one(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Clock(TimeSpan.FromHours(1), fraction));
    }

    [Fact]
    public void Warning_fractions_must_ascend()
    {
        Assert.Throws<ArgumentException>(() => Clock(TimeSpan.FromHours(1), 0.75, 0.5));
    }

    [Fact]
    public void Clock_names_must_be_unique_within_a_policy()
    {
        Assert.Throws<ArgumentException>(() => SlaPolicy.Default with { Clocks = [Clock(TimeSpan.FromHours(1)), Clock(TimeSpan.FromHours(2))] });
    }

    [Fact]
    public void Escalation_delays_must_not_decrease()
    {
        Assert.Throws<ArgumentException>(() => new EscalationPolicy([TimeSpan.FromHours(2), TimeSpan.FromHours(1)]));
    }

    [Fact]
    public void Escalation_roles_are_numbered_by_level()
    {
        Assert.Equal([0, 1, 2, 3], Enum.GetValues<EscalationRole>().Select(r => (int)r));
    }
}
