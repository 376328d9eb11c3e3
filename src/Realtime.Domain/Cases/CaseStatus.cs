namespace Realtime.Domain.Cases;

/// <summary>Where a generic case stands, from its events in time order.</summary>
public enum CaseStatus
{
    /// <summary>Open (also before <c>case.opened</c> is known).</summary>
    Open,
    /// <summary>Between <c>case.paused</c> and <c>case.resumed</c>.</summary>
    Paused,
    /// <summary>After <c>case.closed</c>.</summary>
    Closed,
}
