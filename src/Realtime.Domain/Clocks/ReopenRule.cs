namespace Realtime.Domain.Clocks;

/// <summary>
/// What a clock stopped by <c>complaint.resolved</c> does when the complaint is reopened
/// (<c>complaint.reopened</c> after it was resolved).
/// </summary>
public enum ReopenRule
{
    /// <summary>Elapsed time continues from where the clock stopped, counting again from the reopen instant.</summary>
    Resume,
    /// <summary>Elapsed time starts from zero at the reopen instant; warnings and the breach can be signalled again.</summary>
    Restart,
}
