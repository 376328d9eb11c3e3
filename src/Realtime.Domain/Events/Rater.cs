namespace Realtime.Domain.Events;

/// <summary>Who entered a manual rating (<c>agent.rated</c>).</summary>
public enum Rater
{
    /// <summary>The agent's supervisor (the default).</summary>
    Supervisor,
    /// <summary>The agent's self-assessment.</summary>
    Self,
}
