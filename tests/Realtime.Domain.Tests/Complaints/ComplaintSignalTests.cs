using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using static Realtime.Domain.Tests.Complaints.Span;

namespace Realtime.Domain.Tests.Complaints;

public class ComplaintSignalTests
{
    private const string First = SlaPolicy.FirstResponse;

    /// <summary>Only the first-response clock, without escalation, so each test sees just that clock's signals.</summary>
    private static readonly SlaPolicy FirstOnly = SlaPolicy.Default with { Clocks = [SlaPolicy.DefaultClocks[0] with { Escalates = false }] };

    private static DateTimeOffset At(TimeSpan offset) => ComplaintScenario.At(offset);

    [Theory]
    [InlineData(0.5, 60)]
    [InlineData(0.75, 90)]
    [InlineData(0.9, 108)]
    public void First_response_warns_at_each_fraction_at_its_exact_instant(double fraction, double seconds)
    {
        var s = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero);
        // Collect the earlier fractions on time, as a grain woken at each due instant does.
        foreach (var earlier in new[] { 60.0, 90.0, 108.0 }.Where(x => x < seconds))
            s.Complaint.Advance(At(Sec(earlier)));

        Assert.Empty(s.Complaint.Advance(At(Sec(seconds) - TimeSpan.FromTicks(1))));
        var signal = Assert.Single(s.Complaint.Advance(At(Sec(seconds))));

        Assert.Equal(new SlaWarningSignal(First, fraction, At(Sec(seconds)), At(Min(2)), Late: false), signal);
    }

    [Fact]
    public void Warnings_follow_the_running_time_not_the_wall_time()
    {
        var policy = SlaPolicy.Default with { Clocks = [SlaPolicy.DefaultClocks[1] with { Escalates = false }] };
        var s = new ComplaintScenario(policy).Opened(TimeSpan.Zero).Paused(Hours(10)).Resumed(Hours(20));

        // 50 % of 48 h = 24 h of running time: 10 h before the pause, 14 h after the resume.
        Assert.Equal(At(Hours(34)), s.Complaint.NextDueAt());
        var signal = Assert.IsType<SlaWarningSignal>(Assert.Single(s.Complaint.Advance(At(Hours(34)))));
        Assert.Equal(At(Hours(58)), signal.DueAt);
    }

    [Fact]
    public void Only_the_highest_passed_warning_is_signalled()
    {
        var s = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero);

        var signal = Assert.Single(s.Complaint.Advance(At(Sec(100))));

        var warning = Assert.IsType<SlaWarningSignal>(signal);
        Assert.Equal(0.75, warning.Fraction);
        Assert.Equal(At(Sec(90)), warning.At);
        Assert.True(warning.Late);
        // The skipped 50 % never comes later; 90 % still does.
        Assert.Equal(At(Sec(108)), s.Complaint.NextDueAt());
        Assert.Equal(0.9, Assert.IsType<SlaWarningSignal>(Assert.Single(s.Complaint.Advance(At(Sec(108))))).Fraction);
    }

    [Fact]
    public void Passed_breach_is_signalled_without_the_warnings_never_signalled_before_it()
    {
        var s = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero);

        var signal = Assert.Single(s.Complaint.Advance(At(Min(3))));

        Assert.Equal(new SlaBreachSignal(First, At(Min(2)), At(Min(2)), At(Min(3)), Late: true), signal);
    }

    [Fact]
    public void Breach_is_signalled_once_however_often_advance_is_called()
    {
        var s = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero);
        s.Complaint.Advance(At(Sec(108)));

        Assert.Single(s.Complaint.Advance(At(Min(2))));
        Assert.Empty(s.Complaint.Advance(At(Min(2))));
        Assert.Empty(s.Complaint.Advance(At(Min(10))));
        Assert.Single(s.Complaint.State.Breaches);
    }

    [Fact]
    public void Signals_are_not_repeated_after_the_state_is_saved_and_reloaded()
    {
        var s = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero);
        Assert.Single(s.Complaint.Advance(At(Sec(60))));
        Assert.Single(s.Complaint.Advance(At(Min(2))));

        s.Reload();

        Assert.Empty(s.Complaint.Advance(At(Min(2))));
        Assert.Empty(s.Complaint.Advance(At(Hours(1))));
        Assert.Null(s.Complaint.NextDueAt());
        Assert.Equal(ClockState.Breached, s.Clock(First, Min(3)).State);
    }

    [Fact]
    public void Signal_detected_within_the_tolerance_is_on_time_and_later_is_late()
    {
        var onTime = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero);
        var late = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero);

        Assert.False(Assert.IsType<SlaWarningSignal>(Assert.Single(onTime.Complaint.Advance(At(Sec(62))))).Late);
        Assert.True(Assert.IsType<SlaWarningSignal>(Assert.Single(late.Complaint.Advance(At(Sec(62.001))))).Late);
    }

    [Fact]
    public void Breach_records_when_it_was_detected()
    {
        var s = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero);

        var breach = Assert.IsType<SlaBreachSignal>(Assert.Single(s.Complaint.Advance(At(Sec(121)))));

        Assert.Equal(At(Min(2)), breach.BreachedAt);
        Assert.Equal(At(Sec(121)), breach.DetectedAt);
        Assert.False(breach.Late);
        var record = Assert.Single(s.Complaint.State.Breaches);
        Assert.Equal((First, At(Min(2)), At(Sec(121)), false), (record.Clock, record.BreachedAt, record.DetectedAt, record.Late));
    }

    [Fact]
    public void Met_clock_signals_nothing()
    {
        var s = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero).Responded(Sec(50));

        Assert.Empty(s.Complaint.Advance(At(Hours(1))));
        Assert.Null(s.Complaint.NextDueAt());
    }

    [Fact]
    public void Warnings_missed_before_a_stop_are_dropped_but_a_missed_breach_is_still_signalled()
    {
        var s = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero).Responded(Sec(100));
        Assert.Empty(s.Complaint.Advance(At(Min(5))));

        var late = new ComplaintScenario(FirstOnly).Opened(TimeSpan.Zero).Responded(Min(3));
        var breach = Assert.IsType<SlaBreachSignal>(Assert.Single(late.Complaint.Advance(At(Min(5)))));
        Assert.Equal(At(Min(2)), breach.BreachedAt);
    }

    [Fact]
    public void Paused_clock_holds_its_warning_until_it_runs_again()
    {
        var policy = SlaPolicy.Default with { Clocks = [SlaPolicy.DefaultClocks[1] with { Target = Hours(2), Escalates = false }] };
        var s = new ComplaintScenario(policy).Opened(TimeSpan.Zero).Paused(Min(59));

        Assert.Empty(s.Complaint.Advance(At(Hours(3))));
        Assert.Null(s.Complaint.NextDueAt());

        s.Resumed(Hours(4));
        Assert.Equal(At(Hours(4) + Min(1)), s.Complaint.NextDueAt());
        var warning = Assert.IsType<SlaWarningSignal>(Assert.Single(s.Complaint.Advance(At(Hours(4) + Min(1)))));
        Assert.Equal(At(Hours(5) + Min(1)), warning.DueAt);
    }

    [Fact]
    public void Signals_of_several_clocks_come_in_instant_order()
    {
        var policy = SlaPolicy.Default with
        {
            Clocks = SlaPolicy.DefaultClocks.Select(c => c with { Target = c.Name == First ? Min(2) : Min(3), Escalates = false }).ToArray(),
        };
        var s = new ComplaintScenario(policy).Opened(TimeSpan.Zero);

        var signals = s.Complaint.Advance(At(Sec(150)));

        Assert.Collection(signals,
            x => Assert.Equal(First, Assert.IsType<SlaBreachSignal>(x).Clock),
            x => Assert.Equal(At(Sec(135)), Assert.IsType<SlaWarningSignal>(x).At),
            x => Assert.Equal(At(Sec(135)), Assert.IsType<SlaWarningSignal>(x).At));
    }

    [Fact]
    public void Signals_serialized_as_the_base_type_keep_their_kind_and_fields()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);
        var signals = s.Complaint.Advance(At(Min(3)));

        var json = System.Text.Json.JsonSerializer.Serialize(signals);
        var back = System.Text.Json.JsonSerializer.Deserialize<SlaSignal[]>(json);

        Assert.Contains("\"kind\":\"breach\"", json);
        Assert.Equal(signals, back);
    }
}
