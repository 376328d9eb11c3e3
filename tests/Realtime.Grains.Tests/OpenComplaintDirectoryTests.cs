using Realtime.Domain.Kpis;
using Realtime.Grains.Complaints;

namespace Realtime.Grains.Tests;

/// <summary>The team counts boards and KPIs show follow every change of every complaint, whatever its order.</summary>
/// <remarks>Alone, not beside other test classes: the concurrency test keeps both cores busy, and grain tests running next to it
/// would wait on a starved thread pool instead of testing anything.</remarks>
[Collection(CpuBoundTests.Name)]
public sealed class OpenComplaintDirectoryTests
{
    private static OpenComplaintSummary Summary(string id, string? team, bool paused = false, bool breached = false) =>
        new(id, team, "A1", paused, breached, null);

    [Fact]
    public void Pause_breach_transfer_and_resolution_move_the_counts_of_the_teams_involved()
    {
        var directory = new OpenComplaintDirectory();
        directory.Update("C1", Summary("C1", "T1"));
        directory.Update("C2", Summary("C2", "T1"));
        directory.Update("C3", Summary("C3", null));
        directory.Update("C1", Summary("C1", "T1", paused: true));
        directory.Update("C2", Summary("C2", "T1", breached: true));
        Assert.Equal(new OpenComplaintCounts(2, 1, 1), directory.CountsOf("T1"));

        directory.Update("C2", Summary("C2", "T2", breached: true));
        directory.Update("C1", Summary("C1", "T1"));
        Assert.Equal(new OpenComplaintCounts(1, 0, 0), directory.CountsOf("T1"));
        Assert.Equal(new OpenComplaintCounts(1, 0, 1), directory.CountsOf("T2"));
        Assert.Equal(new OpenComplaintCounts(2, 0, 1), directory.FloorCounts());

        directory.Update("C1", null);
        directory.Update("C1", null);
        Assert.Equal(default, directory.CountsOf("T1"));
        Assert.Equal(["T2"], directory.CountsByTeam().Keys);
        Assert.Equal(3 - 1, directory.Count);
    }

    [Fact]
    public void Counts_stay_exact_under_concurrent_updates_from_many_complaints()
    {
        var directory = new OpenComplaintDirectory();
        Parallel.For(0, 20_000, i =>
        {
            var id = $"C{i}";
            directory.Update(id, Summary(id, $"T{i % 7}"));
            directory.Update(id, Summary(id, $"T{i % 7}", paused: i % 2 == 0, breached: i % 3 == 0));
            if (i % 5 == 0) directory.Update(id, null);
        });

        var expected = Enumerable.Range(0, 20_000).Where(i => i % 5 != 0)
            .Aggregate(default(OpenComplaintCounts), (sum, i) => sum + new OpenComplaintCounts(1, i % 2 == 0 ? 1 : 0, i % 3 == 0 ? 1 : 0));
        Assert.Equal(expected, directory.FloorCounts());
        Assert.Equal(expected.Open, directory.Count);
    }

    [Fact]
    public async Task A_board_reading_while_a_complaint_pauses_and_resumes_always_sees_it_open_in_its_team()
    {
        var directory = new OpenComplaintDirectory();
        directory.Update("C1", Summary("C1", "T1"));
        using var done = new CancellationTokenSource();
        var toggling = Task.Run(() =>
        {
            for (var i = 0; i < 200_000; i++) directory.Update("C1", Summary("C1", "T1", paused: i % 2 == 0));
            done.Cancel();
        });

        var seen = new HashSet<OpenComplaintCounts>();
        while (!done.IsCancellationRequested) seen.Add(directory.CountsOf("T1"));
        await toggling;

        Assert.Subset(new HashSet<OpenComplaintCounts> { new(1, 0, 0), new(1, 1, 0) }, seen);
    }
}
