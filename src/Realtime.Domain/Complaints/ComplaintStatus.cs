namespace Realtime.Domain.Complaints;

/// <summary>A complaint's lifecycle status, derived from its events in time order.</summary>
public enum ComplaintStatus
{
    /// <summary>Opened (or reopened) and being worked on.</summary>
    Open,
    /// <summary>Waiting on the customer (<c>complaint.paused</c>); pausable clocks do not count.</summary>
    Paused,
    /// <summary>Resolved; every clock stopped and escalation no longer climbs.</summary>
    Resolved,
}
