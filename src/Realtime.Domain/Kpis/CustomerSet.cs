using System.Buffers;
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
    private HashSet<ulong> _hashes;

    // The hashes are also a snapshot's: the next change copies them first, so a snapshot read elsewhere never sees a write.
    private bool _shared;

    /// <summary>Creates an empty set.</summary>
    public CustomerSet() => _hashes = [];

    /// <summary>Creates an empty set with room for <paramref name="capacity"/> customers (a merge knows how many are coming).</summary>
    public CustomerSet(int capacity) => _hashes = new HashSet<ulong>(capacity);

    /// <summary>The number of distinct customers.</summary>
    public int Count => _hashes.Count;

    /// <summary>Adds <paramref name="customerId"/>; false when it was already there.</summary>
    public bool Add(string customerId)
    {
        var hash = Hash(customerId);
        if (_shared)
        {
            if (_hashes.Contains(hash))
            {
                return false;
            }

            Unshare();
        }

        return _hashes.Add(hash);
    }

    /// <summary>True when <paramref name="customerId"/> is in the set.</summary>
    public bool Contains(string customerId) => _hashes.Contains(Hash(customerId));

    /// <summary>Adds every customer of <paramref name="other"/>.</summary>
    public void UnionWith(CustomerSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_shared)
        {
            Unshare();
        }

        _hashes.UnionWith(other._hashes);
    }

    /// <summary>
    /// A copy that costs nothing until one of the two changes: both read the same hashes, and whichever changes first
    /// copies them then. Safe to read on another thread while this set's owner goes on adding to it.
    /// </summary>
    public CustomerSet Snapshot()
    {
        _shared = true;
        return new CustomerSet(_hashes, shared: true);
    }

    private CustomerSet(HashSet<ulong> hashes, bool shared)
    {
        _hashes = hashes;
        _shared = shared;
    }

    private void Unshare()
    {
        _hashes = new HashSet<ulong>(_hashes);
        _shared = false;
    }

    /// <summary>The stable 64-bit FNV-1a hash of the UTF-8 bytes of <paramref name="customerId"/>.</summary>
    public static ulong Hash(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var hash = 14695981039346656037UL;
        // Ids are short: hash their UTF-8 bytes from the stack rather than allocate them.
        Span<byte> utf8 = customerId.Length <= 128 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(customerId.Length)] : new byte[Encoding.UTF8.GetByteCount(customerId)];
        foreach (var b in utf8[..Encoding.UTF8.GetBytes(customerId, utf8)])
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Writes the sorted hashes as little-endian bytes in base64 (the JSON form).</summary>
    internal void WriteBase64(Utf8JsonWriter writer)
    {
        // A team stages its state at every checkpoint it changed in: pooled buffers instead of two arrays the size of
        // its quarter's customers each time.
        var count = _hashes.Count;
        var sorted = ArrayPool<ulong>.Shared.Rent(count);
        var bytes = ArrayPool<byte>.Shared.Rent(count * 8);
        try
        {
            _hashes.CopyTo(sorted);
            var hashes = sorted.AsSpan(0, count);
            hashes.Sort();
            for (var i = 0; i < hashes.Length; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), hashes[i]);
            }

            writer.WriteBase64StringValue(bytes.AsSpan(0, count * 8));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<ulong>.Shared.Return(sorted);
        }
    }

    internal static CustomerSet FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 8 != 0)
        {
            throw new FormatException("A customer set is a whole number of 8-byte hashes.");
        }

        var set = new CustomerSet(bytes.Length / 8);
        for (var i = 0; i < bytes.Length; i += 8)
        {
            set._hashes.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]));
        }

        return set;
    }
}
