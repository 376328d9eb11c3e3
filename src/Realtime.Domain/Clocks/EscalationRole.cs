namespace Realtime.Domain.Clocks;

/// <summary>Who a complaint has been escalated to; the numeric value is the escalation level.</summary>
public enum EscalationRole
{
    /// <summary>Level 0: not escalated.</summary>
    None = 0,
    /// <summary>Level 1: team lead (组长).</summary>
    TeamLead = 1,
    /// <summary>Level 2: deputy director (副总监).</summary>
    DeputyDirector = 2,
    /// <summary>Level 3: director (总监), the top of the chain.</summary>
    Director = 3,
}
