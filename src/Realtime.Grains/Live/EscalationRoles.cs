using Realtime.Domain.Clocks;

namespace Realtime.Grains.Live;

/// <summary>Wire names of <see cref="EscalationRole"/>: <c>teamLead</c> (组长), <c>deputyDirector</c> (副总监), <c>director</c> (总监).</summary>
public static class EscalationRoles
{
    /// <summary>The wire name of <paramref name="role"/>.</summary>
    public static string WireName(EscalationRole role) => role switch
    {
        EscalationRole.TeamLead => "teamLead",
        EscalationRole.DeputyDirector => "deputyDirector",
        EscalationRole.Director => "director",
        _ => "none",
    };
}
