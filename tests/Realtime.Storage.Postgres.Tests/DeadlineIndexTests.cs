using System.Diagnostics;
using Realtime.Grains;
using Realtime.Grains.Persistence;
using Realtime.Testing;
using Xunit.Abstractions;

namespace Realtime.Storage.Postgres.Tests;

public sealed class DeadlineIndexTests(PostgresTestDatabaseFixture fixture, ITestOutputHelper output) : PostgresStorageTest(fixture)
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private PostgresDeadlineIndex Index => new(DataSource);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Each test states the whole index it expects, so it starts from an empty one.
        await using var clear = DataSource.CreateCommand("TRUNCATE deadlines");
        await clear.ExecuteNonQueryAsync();
    }

    private static GrainKey Complaint(string key) => new("complaint", key);

    [Fact]
    public async Task Set_deadlines_load_back_as_the_same_instants()
    {
        Deadline[] deadlines = [new(Complaint("C-1"), Nine.AddMinutes(2)), new(Complaint("C-2"), Nine.AddHours(48)), new(new GrainKey("agent", "a-1"), Nine)];

        await Index.SetAsync(deadlines);

        var loaded = await Index.LoadAllAsync().ToListAsync();
        Assert.Equal(deadlines.OrderBy(d => d.Grain.ToString()), loaded.OrderBy(d => d.Grain.ToString()));
    }

    [Fact]
    public async Task Setting_a_grain_again_moves_its_deadline_and_null_removes_it()
    {
        await Index.SetAsync([new(Complaint("C-1"), Nine), new(Complaint("C-2"), Nine)]);

        await Index.SetAsync([new(Complaint("C-1"), Nine.AddMinutes(30)), new(Complaint("C-2"), null), new(Complaint("C-never-set"), null)]);

        var loaded = Assert.Single(await Index.LoadAllAsync().ToListAsync());
        Assert.Equal(new Deadline(Complaint("C-1"), Nine.AddMinutes(30)), loaded);
    }

    [Fact]
    public async Task An_entry_may_carry_a_board_summary_without_a_due_time_and_goes_when_it_has_neither()
    {
        var summary = "{\"complaintId\":\"C-1\",\"paused\":true}"u8.ToArray();
        await Index.SetAsync([new(Complaint("C-1"), null, summary), new(Complaint("C-2"), Nine, summary)]);

        var loaded = (await Index.LoadAllAsync().ToListAsync()).OrderBy(d => d.Grain.Key).ToList();
        Assert.Equal([null, Nine], loaded.Select(d => d.DueAt));
        Assert.All(loaded, d => Assert.Equal(summary, d.Summary));

        await Index.SetAsync([new(Complaint("C-1"), null)]);
        Assert.Equal(["C-2"], (await Index.LoadAllAsync().ToListAsync()).Select(d => d.Grain.Key));
    }

    [Fact]
    public async Task When_one_batch_names_a_grain_twice_the_last_change_wins()
    {
        await Index.SetAsync([new(Complaint("C-1"), Nine), new(Complaint("C-1"), Nine.AddHours(1)), new(Complaint("C-2"), Nine), new(Complaint("C-2"), null)]);

        var loaded = Assert.Single(await Index.LoadAllAsync().ToListAsync());
        Assert.Equal(Nine.AddHours(1), loaded.DueAt);
    }

    [Fact]
    public async Task Two_hundred_thousand_deadlines_set_and_load_in_bulk()
    {
        const int count = 200_000;
        var deadlines = Enumerable.Range(0, count).Select(i => new Deadline(Complaint($"C-{i}"), Nine.AddSeconds(i))).ToList();

        var timer = Stopwatch.StartNew();
        await Index.SetAsync(deadlines);
        var setTime = timer.Elapsed;
        timer.Restart();
        var loaded = 0;
        await foreach (var deadline in Index.LoadAllAsync())
        {
            loaded++;
        }
        output.WriteLine($"deadlines: set {count} in {setTime.TotalMilliseconds:0} ms, loaded in {timer.Elapsed.TotalMilliseconds:0} ms");

        Assert.Equal(count, loaded);
    }
}
