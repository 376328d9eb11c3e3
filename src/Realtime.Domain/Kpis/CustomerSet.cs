using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Realtime.Domain.Kpis;

/// <summary>
/// A compact set of distinct customers, kept as 64-bit FNV-1a hashes of their ids (never the ids themselves,
/// so no personal data is stored and each customer costs 8 bytes). At the scale of one insurer's customer
/// base (millions) the chance of two ids colliding is negligible for a coverage ratio. Serialized as a
/// base64 string of the sorted hashes.
/// </summary>
[JsonConverter(typeof(CustomerSetJsonConverter))]
public sealed class CustomerSet
{
    private readonly HashSet<ulong> _hashes;

    /// <summary>Creates an empty set.</summary>
    public CustomerSet() => _hashes = [];

    private CustomerSet(IEnumerable<ulong> hashes) => _hashes = [.. hashes];

    /// <summary>The number of distinct customers.</summary>
    public int Count => _hashes.Count;

    /// <summary>Adds <paramref name="customerId"/>; false when it was already there.</summary>
    public bool Add(string customerId) => _hashes.Add(Hash(customerId));

    /// <summary>True when <paramref name="customerId"/> is in the set.</summary>
    public bool Contains(string customerId) => _hashes.Contains(Hash(customerId));

    /// <summary>Adds every customer of <paramref name="other"/>.</summary>
    public void UnionWith(CustomerSet other) => _hashes.UnionWith(other._hashes);

    /// <summary>A copy of this set.</summary>
    public CustomerSet Clone() => new(_hashes);

    /// <summary>The stable 64-bit FNV-1a hash of the UTF-8 bytes of <paramref name="customerId"/>.</summary>
    public static ulong Hash(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(customerId))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    internal string ToBase64()
    {
        var sorted = _hashes.Order().ToArray();
        var bytes = new byte[sorted.Length * 8];
        for (var i = 0; i < sorted.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), sorted[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    internal static CustomerSet FromBase64(string text)
    {
        var bytes = Convert.FromBase64String(text);
        if (bytes.Length % 8 != 0)
        {
            throw new FormatException("A customer set is a whole number of 8-byte hashes.");
        }

        var hashes = new ulong[bytes.Length / 8];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8));
        }

        return new CustomerSet(hashes);
    }
}

/// <summary>Reads and writes a <see cref="CustomerSet"/> as a base64 string.</summary>
public sealed class CustomerSetJsonConverter : JsonConverter<CustomerSet>
{
    /// <inheritdoc />
    public override CustomerSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return CustomerSet.FromBase64(reader.GetString() ?? "");
        }
        catch (FormatException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CustomerSet value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToBase64());
}
