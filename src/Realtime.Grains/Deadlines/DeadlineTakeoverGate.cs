namespace Realtime.Grains.Deadlines;

/// <summary>Opens once start-up has armed the deadlines this silo holds; from then on ring changes move deadlines to it.</summary>
public sealed class DeadlineTakeoverGate
{
    private volatile bool _open;

    /// <summary>Whether ring changes move deadlines to this silo.</summary>
    public bool IsOpen => _open;

    /// <summary>Opens the gate (start-up is done with the index).</summary>
    public void Open() => _open = true;
}
