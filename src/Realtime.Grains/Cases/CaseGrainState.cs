using Realtime.Domain.Cases;

namespace Realtime.Grains.Cases;

/// <summary>What a case grain persists.</summary>
public sealed class CaseGrainState
{
    /// <summary>The domain state.</summary>
    public CaseState Case { get; set; } = new();

    /// <summary>Highest journal sequence applied, so a replay after restart skips what the stored state already holds.</summary>
    public long AppliedSequence { get; set; }

    /// <summary>The clocks whose outcome was already told to the team's and the floor's KPIs, so none is counted twice.</summary>
    public List<string> Told { get; set; } = [];

    /// <summary>The case type whose directory lists this case (while it is not closed), so a close or a type change removes it there.</summary>
    public string? ListedIn { get; set; }

    /// <summary>The explained breaches told to the floor's breach causes, so only a changed explanation is told again; null until one is.</summary>
    public Dictionary<string, Domain.BreachCauses.BreachCause>? CausesTold { get; set; }

    /// <summary>The version of the case policy its clocks run under; null in state stored before versions (the configured one applies).</summary>
    public string? PolicyVersion { get; set; }
}
