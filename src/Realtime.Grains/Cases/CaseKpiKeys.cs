namespace Realtime.Grains.Cases;

/// <summary>The keys of <see cref="ICaseKpiGrain"/>s: the same words as the live scopes they push to.</summary>
public static class CaseKpiKeys
{
    /// <summary>The floor's KPIs.</summary>
    public const string Floor = "floor";

    /// <summary>One team's KPIs.</summary>
    public static string Team(string teamId) => "team:" + teamId;
}
