namespace Realtime.Server.Tests.Quarters;

/// <summary>A scripted 2026Q3 sent through ingest (the same agents as the domain scenario, see QuarterScenario there).</summary>
public static class QuarterEvents
{
    public static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    public static Dictionary<string, object?> Rated(string agent, string indicator, double value, string rater)
    {
        var e = ScorecardEvents.Rated(agent, At(10, 8), indicator, value);
        e["rater"] = rater;
        e["period"] = "2026Q3";
        return e;
    }

    /// <summary>
    /// A1 (T1): final 80.4615 (self 75.0769, supervisor 82.7692), bonus 1.0; A2 (T1): 50, bonus 0;
    /// A3 (T2): 81.7308 (self 75, supervisor 84.6154), bonus 1.0.
    /// </summary>
    public static List<Dictionary<string, object?>> Q3()
    {
        var events = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 4; i++) events.Add(ScorecardEvents.Service("A1", At(8, 3 + i), "T1", firstContactResolved: i < 3, responseSeconds: 60));
        events.Add(ScorecardEvents.Survey("A1", At(8, 10), 90));
        events.Add(ScorecardEvents.Survey("A1", At(8, 11), 80));
        for (var i = 0; i < 5; i++) events.Add(ScorecardEvents.Praise("A1", At(9, 1 + i)));
        events.Add(ScorecardEvents.OpenedAbout("C-Q3-1", At(8, 4), owner: "A2", about: "A1"));
        events.Add(Events.Complaint("complaint.responded", "C-Q3-1", At(8, 4).AddSeconds(90), "A2"));
        events.Add(ScorecardEvents.Service("A3", At(7, 15), "T2", firstContactResolved: true, responseSeconds: 30));
        events.Add(Rated("A1", "knowledge_test", 95, "supervisor"));
        events.Add(Rated("A1", "knowledge_test", 85, "self"));
        events.Add(Rated("A3", "knowledge_test", 95, "supervisor"));
        return events;
    }
}
