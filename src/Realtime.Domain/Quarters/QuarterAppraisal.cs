using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>
/// Builds a <see cref="QuarterSnapshot"/>. Pure and deterministic: the same inputs give the same snapshot.
/// Per agent: the quarter scorecard twice (<see cref="AgentScorecard.ComputeQuarter"/> with rater self and
/// supervisor — live indicators shared, manual indicators per rater), the final score, the bonus coefficient
/// of the rounded final score, and ranks. An agent is in the snapshot when either scorecard has any data.
/// Teams: every team with KPI data in the quarter or an agent; the group competition ranks teams by the mean
/// final score of their agents that have one (teams without such agents are unranked).
/// </summary>
public static class QuarterAppraisal
{
    /// <summary>Builds the snapshot of <paramref name="quarter"/>.</summary>
    /// <param name="quarter">The quarter.</param>
    /// <param name="calendar">The company calendar.</param>
    /// <param name="config">The configuration in force.</param>
    /// <param name="agents">The agents' histories (any order).</param>
    /// <param name="teamKpis">The quarter KPIs per team (see <see cref="ComputeTeamKpis"/>).</param>
    /// <param name="department">The department's quarter KPIs.</param>
    public static QuarterSnapshot Build(
        Quarter quarter,
        CompanyCalendar calendar,
        QuarterConfiguration config,
        IEnumerable<AgentQuarterInput> agents,
        IReadOnlyDictionary<string, QuarterKpis> teamKpis,
        QuarterKpis department)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(teamKpis);
        var drafts = new List<AgentAppraisal>();
        foreach (var input in agents.OrderBy(a => a.Activity.AgentId, StringComparer.Ordinal))
        {
            if (Appraise(input, quarter, config) is { } draft) drafts.Add(draft);
        }

        var floorRanks = FinalAppraisal.Ranks(drafts.Select(a => a.FinalScore).ToArray());
        var appraised = new AgentAppraisal[drafts.Count];
        foreach (var team in drafts.Select((a, i) => (a, i)).GroupBy(x => x.a.TeamId))
        {
            var members = team.ToArray();
            var teamRanks = FinalAppraisal.Ranks(members.Select(m => m.a.FinalScore).ToArray());
            for (var j = 0; j < members.Length; j++)
            {
                var (a, i) = members[j];
                appraised[i] = a with { RankInTeam = a.TeamId is null ? null : teamRanks[j], RankOnFloor = floorRanks[i] };
            }
        }

        var teamIds = teamKpis.Keys.Concat(appraised.Select(a => a.TeamId).OfType<string>()).Distinct().Order(StringComparer.Ordinal).ToArray();
        // Each team's final scores in agent order (the order they are summed in, so the mean is the same to the last bit).
        var finalsByTeam = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var a in appraised)
        {
            if (a.TeamId is not { } team || a.FinalScore is not { } final) continue;
            if (!finalsByTeam.TryGetValue(team, out var list)) finalsByTeam[team] = list = [];
            list.Add(final);
        }

        var means = teamIds.Select(id => finalsByTeam.TryGetValue(id, out var finals)
            ? FinalAppraisal.Round(finals.Sum() / finals.Count)
            : (double?)null).ToArray();
        var teamRanking = FinalAppraisal.Ranks(means);
        var empty = QuarterKpis.Compute(new TeamActivity("empty", calendar), quarter, config.KpiTargets);
        var teams = teamIds.Select((id, i) => new TeamAppraisal(id, teamKpis.GetValueOrDefault(id) ?? empty, means[i], teamRanking[i])).ToArray();
        return new QuarterSnapshot(quarter, calendar.TimeZoneId, quarter.Start(calendar), quarter.End(calendar), config, appraised, teams, department);
    }

    /// <summary>
    /// The quarter KPIs of every team in <paramref name="teams"/> with data in <paramref name="quarter"/>, and of the
    /// department (all of them merged: a customer seen by two teams counts once).
    /// </summary>
    public static (IReadOnlyDictionary<string, QuarterKpis> Teams, QuarterKpis Department) ComputeTeamKpis(
        IReadOnlyList<TeamActivity> teams, Quarter quarter, CompanyCalendar calendar, KpiTargets targets)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var byTeam = new SortedDictionary<string, QuarterKpis>(StringComparer.Ordinal);
        foreach (var team in teams)
        {
            if (HasData(team, quarter)) byTeam[team.TeamId] = QuarterKpis.Compute(team, quarter, targets);
        }

        var merged = teams.Count == 0 ? new TeamActivity("department", calendar) : TeamActivity.Merge("department", teams);
        return (byTeam, QuarterKpis.Compute(merged, quarter, targets));
    }

    private static bool HasData(TeamActivity team, Quarter quarter)
    {
        var t = team.Totals(LocalDateRange.Of(quarter));
        return t.ComplaintsOpened + t.ComplaintsResolved + t.Breaches + t.FirstResponseCount + t.SurveyCount + t.FollowupsCompleted + t.ServicesHandled > 0
            || team.CustomersIn(quarter) is { Seen.Count: > 0 };
    }

    private static AgentAppraisal? Appraise(AgentQuarterInput input, Quarter quarter, QuarterConfiguration config)
    {
        var self = AgentScorecard.ComputeQuarter(input.Activity, quarter, config.Rubric, Rater.Self);
        var supervisor = AgentScorecard.ComputeQuarter(input.Activity, quarter, config.Rubric, Rater.Supervisor);
        if (self.Indicators.All(i => i.Value is null) && supervisor.Indicators.All(i => i.Value is null)) return null;
        var final = FinalAppraisal.FinalScore(self.Total, supervisor.Total);
        return new AgentAppraisal(
            input.Activity.AgentId,
            input.TeamId,
            supervisor.Indicators.Select(i => new SnapshotIndicator(i.Id, FinalAppraisal.Round(i.Value), i.Band, i.Points)).ToArray(),
            supervisor.Dimensions.Select(d => new SnapshotDimension(d.Id, FinalAppraisal.Round(d.Score), d.Weight)).ToArray(),
            FinalAppraisal.Round(self.Total),
            FinalAppraisal.Round(supervisor.Total),
            final,
            final is { } f ? config.BonusTable.CoefficientFor(f) : null,
            null,
            null);
    }
}
