namespace Realtime.Domain.Events;

/// <summary>Severity of a complaint: regulator (12378) complaints and high-risk cases are <see cref="High"/>.</summary>
public enum Severity
{
    /// <summary>The default.</summary>
    Normal,
    /// <summary>Starts the escalation chain one level up.</summary>
    High,
}
