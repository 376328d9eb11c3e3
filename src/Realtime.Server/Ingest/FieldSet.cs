namespace Realtime.Server.Ingest;

/// <summary>
/// Which of an event's fields the reader saw (or found malformed), one bit per field index. A long: an int held 31 fields,
/// and a shift past its width wraps (<c>1 &lt;&lt; 32 == 1</c>), so a 33rd field would have answered for <c>id</c>.
/// </summary>
/// <param name="Bits">Bit <c>i</c> set: field <c>i</c> is in the set.</param>
public readonly record struct FieldSet(long Bits)
{
    /// <summary>How many fields a set can hold.</summary>
    public const int Capacity = sizeof(long) * 8;

    /// <summary>Whether field <paramref name="field"/> is in the set.</summary>
    public bool Contains(int field) => (Bits & Bit(field)) != 0;

    /// <summary>The set with field <paramref name="field"/> added.</summary>
    public FieldSet With(int field) => new(Bits | Bit(field));

    // Out of range throws rather than wraps onto another field.
    private static long Bit(int field)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(field);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(field, Capacity);
        return 1L << field;
    }
}
