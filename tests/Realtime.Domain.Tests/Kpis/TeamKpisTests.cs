using System.Text.Json;
using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Tests.Kpis;

public class TeamKpisTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Evening = At(2, 18);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, China);

    /// <summary>What the complaints of <see cref="ScriptedDay"/> say at its end: C2 and C3 open, C2 paused, C3 breached.</summary>
    private static readonly OpenComplaintCounts OpenAtEvening = new(2, 1, 1);

    /// <summary>A scripted Monday (2026-11-02) of team t1, fed the way the team's grain would.</summary>
    private static TeamActivity ScriptedDay()
    {
        var team = new TeamActivity("t1", CompanyCalendar.Default);
        team.ComplaintOpened("claims", "cust-A", At(2, 9));
        team.ComplaintOpened("service_attitude", "cust-B", At(2, 9, 5));
        team.ComplaintOpened("claims", null, At(2, 9, 10));
        team.ComplaintOpened(null, "cust-C", At(2, 10));
        team.FirstResponse(TimeSpan.FromSeconds(60), At(2, 9, 1));
        team.FirstResponse(TimeSpan.FromSeconds(180), At(2, 9, 8));
        team.FirstResponse(TimeSpan.FromSeconds(90), At(2, 9, 12));
        team.ComplaintBreached(At(2, 9, 12));
        team.ComplaintResolved(At(2, 15), within48h: true, within7d: true);
        team.ComplaintResolved(At(2, 16), within48h: false, within7d: true);
        team.SurveySubmitted(90, At(2, 15, 30));
        team.SurveySubmitted(70, At(2, 16, 30));
        team.ServiceHandled(At(2, 11), firstContactResolved: true);
        team.ServiceHandled(At(2, 12), firstContactResolved: true);
        team.ServiceHandled(At(2, 13), firstContactResolved: true);
        team.ServiceHandled(At(2, 14), firstContactResolved: false);
        team.FollowupCompleted("cust-A", visitedAt: At(2, 10), enteredAt: At(2, 11));
        team.FollowupCompleted("cust-D", visitedAt: At(1, 9), enteredAt: At(2, 12));
        return team;
    }

    [Fact]
    public void A_scripted_day_gives_the_team_kpis()
    {
        var kpis = TeamKpis.Compute(ScriptedDay(), ScorecardWindow.Today, Evening, new KpiTargets(), OpenAtEvening);

        Assert.Equal((2, 1, 1), (kpis.OpenComplaints, kpis.PausedComplaints, kpis.BreachedComplaints));
        Assert.Equal((4, 2), (kpis.ComplaintsOpened, kpis.ComplaintsResolved));
        Assert.Equal(new Kpi(50, 95), kpis.ResolvedWithin48hRate);
        Assert.False(kpis.ResolvedWithin48hRate.Met);
        Assert.Equal(new Kpi(100, null), kpis.QuickResolution7dRate);
        Assert.Null(kpis.QuickResolution7dRate.Met);
        Assert.Equal(110, kpis.AverageFirstResponseSeconds.Value);
        Assert.Equal(KpiGoal.AtMost, kpis.AverageFirstResponseSeconds.Goal);
        Assert.Equal(new Kpi(80, 80), kpis.SatisfactionAverage);
        Assert.Equal(new Kpi(8, 8), kpis.SatisfactionAverage10);
        Assert.True(kpis.SatisfactionAverage10.Met);
        Assert.Equal(75, kpis.FirstContactResolutionRate.Value);
        // Seen: A, B, C (complaints) and D (visit); followed up: A and D.
        Assert.Equal(new Kpi(50, 95), kpis.FollowupCoverage);
        // cust-D's record came 27 hours after the visit.
        Assert.Equal(new Kpi(50, 100), kpis.FollowupRecordCompliance);
        Assert.False(kpis.FollowupRecordCompliance.Met);
        Assert.Equal(
            new Dictionary<string, int> { ["claims"] = 2, ["service_attitude"] = 1, [TeamActivity.UnspecifiedCategory] = 1 },
            kpis.ComplaintsByCategory);
    }

    [Fact]
    public void Without_data_every_rate_is_null_not_zero()
    {
        var kpis = TeamKpis.Compute(new TeamActivity("t1", CompanyCalendar.Default), ScorecardWindow.Today, Evening, new KpiTargets(), default);

        foreach (var kpi in new[] { kpis.ResolvedWithin48hRate, kpis.QuickResolution7dRate, kpis.AverageFirstResponseSeconds, kpis.SatisfactionAverage, kpis.SatisfactionAverage10, kpis.FirstContactResolutionRate, kpis.FollowupCoverage, kpis.FollowupRecordCompliance })
        {
            Assert.Null(kpi.Value);
            Assert.Null(kpi.Met);
        }

        Assert.Equal(0, kpis.OpenComplaints);
        Assert.Empty(kpis.ComplaintsByCategory);
    }

    [Fact]
    public void The_next_day_starts_fresh_but_open_complaints_carry_over()
    {
        var kpis = TeamKpis.Compute(ScriptedDay(), ScorecardWindow.Today, At(3, 0), new KpiTargets(), OpenAtEvening);
        var week = TeamKpis.Compute(ScriptedDay(), ScorecardWindow.Last7Days, At(3, 0), new KpiTargets(), OpenAtEvening);

        Assert.Equal(0, kpis.ComplaintsOpened);
        Assert.Null(kpis.ResolvedWithin48hRate.Value);
        Assert.Equal(2, kpis.OpenComplaints);
        Assert.Equal(50, kpis.FollowupCoverage.Value);
        Assert.Equal(4, week.ComplaintsOpened);
    }

    [Fact]
    public void Open_counts_are_the_complaints_own_and_only_added_for_the_floor()
    {
        Assert.Equal(new OpenComplaintCounts(5, 1, 3), OpenAtEvening + new OpenComplaintCounts(3, 0, 2));
        Assert.Equal(OpenAtEvening, OpenAtEvening + default(OpenComplaintCounts));
    }

    [Fact]
    public void The_floor_merges_teams_and_counts_a_shared_customer_once()
    {
        var other = new TeamActivity("t2", CompanyCalendar.Default);
        other.ComplaintOpened("renewal", "cust-A", At(2, 11));
        other.SurveySubmitted(100, At(2, 12));

        var floor = TeamKpis.Compute(TeamActivity.Merge("floor", [ScriptedDay(), other]), ScorecardWindow.Today, Evening, new KpiTargets(), OpenAtEvening + new OpenComplaintCounts(1, 0, 0));

        Assert.Equal("floor", floor.TeamId);
        Assert.Equal(3, floor.OpenComplaints);
        Assert.Equal(5, floor.ComplaintsOpened);
        Assert.Equal(260 / 3.0, floor.SatisfactionAverage.Value!.Value, 9);
        Assert.Equal(50, floor.FollowupCoverage.Value);
        Assert.Equal(1, floor.ComplaintsByCategory["renewal"]);
    }

    [Fact]
    public void Breaches_count_under_their_local_hour_and_a_day_written_without_hours_still_reads()
    {
        var team = ScriptedDay();
        // 06:30 UTC is 14:30 in the company zone (UTC+8).
        team.ComplaintBreached(new DateTimeOffset(2026, 11, 2, 6, 30, 0, TimeSpan.Zero));
        var range = new LocalDateRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2));

        var hours = team.Totals(range).BreachesByHour;
        Assert.Equal(1, hours[9]);
        Assert.Equal(1, hours[14]);
        Assert.Equal(2, hours.Sum());

        var restored = JsonSerializer.Deserialize<TeamActivity>(JsonSerializer.Serialize(team))!;
        Assert.Equal(hours, restored.Totals(range).BreachesByHour);
        var older = JsonSerializer.Deserialize<TeamDay>("[\"2026-11-02\",1,0,0,0,1]")!;
        Assert.Equal(1, older.Breaches);
        Assert.All(older.BreachesByHour, h => Assert.Equal(0, h));
    }

    [Fact]
    public void A_team_history_round_trips_through_json()
    {
        var original = ScriptedDay();
        // A history written before open complaints left it still loads (the map is ignored).
        var older = JsonSerializer.Deserialize<TeamActivity>(JsonSerializer.Serialize(original).Replace("\"days\":", "\"openComplaints\":{\"C2\":{\"category\":\"x\",\"paused\":true,\"breachedClocks\":[]}},\"days\":", StringComparison.Ordinal))!;
        Assert.Equal(JsonSerializer.Serialize(original), JsonSerializer.Serialize(older));

        var json = JsonSerializer.Serialize(original);
        var restored = JsonSerializer.Deserialize<TeamActivity>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored));
        Assert.DoesNotContain("cust-A", json);
        Assert.Equal(
            JsonSerializer.Serialize(TeamKpis.Compute(original, ScorecardWindow.QuarterToDate, Evening, new KpiTargets(), OpenAtEvening)),
            JsonSerializer.Serialize(TeamKpis.Compute(restored, ScorecardWindow.QuarterToDate, Evening, new KpiTargets(), OpenAtEvening)));
    }

    [Fact]
    public void Pruning_drops_days_and_customers_before_the_previous_quarter()
    {
        var team = ScriptedDay();

        Assert.True(team.Prune(new DateTimeOffset(2027, 4, 1, 0, 0, 0, China)));

        Assert.Empty(team.Days);
        Assert.Empty(team.Quarters);
    }

    [Fact]
    public void Targets_default_to_domain_md_and_validate_with_their_keys()
    {
        var targets = new KpiTargets();
        Assert.Equal((8.0, 95.0, 95.0, 100.0), (targets.SatisfactionAverage10!.Value, targets.ResolvedWithin48hRate!.Value, targets.FollowupCoverage!.Value, targets.FollowupRecordCompliance!.Value));
        Assert.Empty(targets.Validate());

        var bad = new KpiTargets { SatisfactionAverage10 = 80, FollowupCoverage = -1, AverageFirstResponseSeconds = double.PositiveInfinity };

        Assert.Equal(
            ["Kpis:SatisfactionAverage10", "Kpis:AverageFirstResponseSeconds", "Kpis:FollowupCoverage"],
            bad.Validate().Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]));
    }
}
