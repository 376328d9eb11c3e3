namespace Realtime.Server.Demo;

/// <summary>Settings of the demo simulator (section <c>Demo</c>; <c>--demo</c> sets <see cref="Enabled"/>).</summary>
public sealed class DemoOptions
{
    /// <summary>Whether the simulator runs.</summary>
    public bool Enabled { get; set; }

    /// <summary>Teams on the simulated floor.</summary>
    public int Teams { get; set; } = 5;

    /// <summary>Agents per team.</summary>
    public int AgentsPerTeam { get; set; } = 12;

    /// <summary>New everyday complaints per minute while the demo runs (each resolved within minutes, so the open count stays level).</summary>
    public double ComplaintsPerMinute { get; set; } = 4;

    /// <summary>Share of live complaints whose first response comes after the 2-minute target (each one is a breach and an escalation).</summary>
    public double SlowResponseShare { get; set; } = 0.4;

    /// <summary>Complex complaints per day (claims disputes and the like: resolved in 2 to 72 hours, some past 48 hours), in history and live.</summary>
    public double ComplexComplaintsPerDay { get; set; } = 8;

    /// <summary>Services per agent per hour while the demo runs.</summary>
    public double ServicesPerAgentPerHour { get; set; } = 12;

    /// <summary>Claims reported per day, in history and live (each surveyed, assessed or followed up, and closed in days to weeks, so the open count stays level).</summary>
    public double ClaimsPerDay { get; set; } = 96;

    /// <summary>Share of live claims whose survey is accepted after the 3-minute target (a case breach, explained).</summary>
    public double SlowSurveyShare { get; set; } = 0.15;

    /// <summary>Days of history seeded at start, so today, 7-day and quarter-to-date figures all have data; 0 seeds none.</summary>
    public int HistoryDays { get; set; } = 90;

    /// <summary>Everyday complaints per day in the seeded history (kept lower than the live rate so a start stays quick).</summary>
    public double HistoryComplaintsPerDay { get; set; } = 40;

    /// <summary>Services per agent per day in the seeded history.</summary>
    public double HistoryServicesPerAgentPerDay { get; set; } = 4;

    /// <summary>The last hours before start seeded at the live rates, so the floor starts in its steady state.</summary>
    public double WarmUpHours { get; set; } = 3;

    /// <summary>Random seed; the same seed gives the same floor.</summary>
    public int Seed { get; set; } = 2026;

    /// <summary>The problems with these settings (empty when valid), each naming its key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Teams is < 1 or > 50) errors.Add("Demo:Teams must be from 1 to 50");
        if (AgentsPerTeam is < 1 or > 99) errors.Add("Demo:AgentsPerTeam must be from 1 to 99");
        if (HistoryDays is < 0 or > 180) errors.Add("Demo:HistoryDays must be from 0 to 180");
        if (SlowResponseShare is < 0 or > 1) errors.Add("Demo:SlowResponseShare must be from 0 to 1");
        if (SlowSurveyShare is < 0 or > 1) errors.Add("Demo:SlowSurveyShare must be from 0 to 1");
        if (WarmUpHours is < 0 or > 24) errors.Add("Demo:WarmUpHours must be from 0 to 24");
        foreach (var (key, value) in new[]
                 {
                     ("ComplaintsPerMinute", ComplaintsPerMinute), ("ComplexComplaintsPerDay", ComplexComplaintsPerDay), ("ServicesPerAgentPerHour", ServicesPerAgentPerHour),
                     ("HistoryComplaintsPerDay", HistoryComplaintsPerDay), ("HistoryServicesPerAgentPerDay", HistoryServicesPerAgentPerDay), ("ClaimsPerDay", ClaimsPerDay),
                 })
        {
            if (!double.IsFinite(value) || value < 0) errors.Add($"Demo:{key} must be a number ≥ 0");
        }

        return errors;
    }
}
