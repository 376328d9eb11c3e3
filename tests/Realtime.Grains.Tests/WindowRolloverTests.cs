using Realtime.Domain.Scorecards;
using Realtime.Grains.Agents;
using Realtime.Grains.Live;
using static Realtime.Grains.Tests.FloorEvents;

namespace Realtime.Grains.Tests;

/// <summary>Rolling windows move at midnight Asia/Shanghai and at quarter ends, with no new events.</summary>
public sealed class WindowRolloverTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task Today_empties_at_midnight_Shanghai_while_7d_keeps_the_day_and_the_change_is_pushed()
    {
        await using var host = await GrainsTestHost.StartAsync(new DateTimeOffset(2026, 11, 2, 23, 0, 0, Shanghai));
        var at = host.Time.GetUtcNow();
        await host.SubmitAsync(Service("A1", at, firstContactResolved: true, responseSeconds: 60), Survey("A1", at, 95));
        var agent = host.Grains.GetGrain<IAgentGrain>("A1");
        Assert.Equal(80, (await agent.GetScorecardAsync(ScorecardWindow.Today))!.Total);

        host.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(80, (await agent.GetScorecardAsync(ScorecardWindow.Today))!.Total);

        host.Time.Advance(TimeSpan.FromMinutes(1));
        var pushed = await host.Live.NextAsync(m => m.Method == LiveMethods.ScoreChanged && m.Payload is ScorecardResource { Window: "today", Total: null });
        var today = await agent.GetScorecardAsync(ScorecardWindow.Today);
        var week = await agent.GetScorecardAsync(ScorecardWindow.Last7Days);

        Assert.Equal(new DateOnly(2026, 11, 3), ((ScorecardResource)pushed.Payload).From);
        Assert.Contains(LiveScopes.Agent("A1"), pushed.Scopes);
        Assert.Null(today!.Total);
        Assert.Empty(today.CoveredDimensions);
        Assert.All(today.Indicators, i => Assert.Null(i.Value));
        Assert.Equal(80, week!.Total);
    }

    [Fact]
    public async Task Quarter_to_date_and_the_ratings_quarter_restart_at_the_quarter_boundary()
    {
        await using var host = await GrainsTestHost.StartAsync(new DateTimeOffset(2026, 12, 31, 22, 0, 0, Shanghai));
        var at = host.Time.GetUtcNow();
        await host.SubmitAsync(Service("A1", at, firstContactResolved: true, responseSeconds: 60), Rated("A1", at, IndicatorIds.KnowledgeTest, 95));
        var agent = host.Grains.GetGrain<IAgentGrain>("A1");
        var q4 = await agent.GetScorecardAsync(ScorecardWindow.QuarterToDate);
        Assert.Equal("2026Q4", q4!.Quarter);
        Assert.Contains(DimensionIds.BusinessAbility, q4.CoveredDimensions);

        host.Time.Advance(TimeSpan.FromHours(2));
        var q1 = await agent.GetScorecardAsync(ScorecardWindow.QuarterToDate);
        var week = await agent.GetScorecardAsync(ScorecardWindow.Last7Days);

        Assert.Equal("2027Q1", q1!.Quarter);
        Assert.Equal(new DateOnly(2027, 1, 1), q1.From);
        Assert.Null(q1.Total);
        Assert.Equal([DimensionIds.CustomerSatisfaction], week!.CoveredDimensions);
    }
}
