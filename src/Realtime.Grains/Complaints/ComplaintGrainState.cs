using Realtime.Domain.Complaints;

namespace Realtime.Grains.Complaints;

/// <summary>What a complaint grain persists.</summary>
public sealed class ComplaintGrainState
{
    /// <summary>The domain state.</summary>
    public ComplaintState Complaint { get; set; } = new();

    /// <summary>Highest journal sequence applied, so a replay after restart skips what the stored state already holds.</summary>
    public long AppliedSequence { get; set; }

    /// <summary>What agent and team grains have been told about this complaint, so nothing is counted twice.</summary>
    public Teams.ComplaintFactsTold Facts { get; set; } = new();

    /// <summary>
    /// The explained breaches told to the floor's breach causes, so only a changed explanation is told again; null until
    /// a breach is explained (most complaints never are, and their stored state stays as small as before).
    /// </summary>
    public Dictionary<string, Domain.BreachCauses.BreachCause>? CausesTold { get; set; }

    /// <summary>The version of the complaint policy its clocks run under; null in state stored before versions (the configured one applies).</summary>
    public string? PolicyVersion { get; set; }
}
