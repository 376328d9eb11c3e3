namespace Realtime.Domain.Clocks;

/// <summary>The <c>Count</c> rule of a case clock under <c>Sla:Clocks:&lt;name&gt;:Count</c>: met once <see cref="AtLeast"/> <see cref="Step"/> steps were recorded.</summary>
public sealed class CaseCountOptions
{
    /// <summary>The counted step, e.g. <c>followedUp</c>.</summary>
    public string? Step { get; set; }

    /// <summary>How many are needed, at least 1.</summary>
    public int AtLeast { get; set; }
}
