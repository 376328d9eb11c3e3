using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using Realtime.Domain.Kpis;

namespace Realtime.Grains.Teams;

/// <summary>
/// The most recent keys a grain has applied from another grain (complaint facts), as 64-bit FNV-1a hashes, oldest
/// dropped first. It closes the window in which a sender's checkpoint lags the receiver's: a fact re-sent after a
/// restart is recognised and not counted twice. Serialized as a base64 string of the hashes in arrival order.
/// </summary>
[JsonConverter(typeof(RecentKeysJsonConverter))]
public sealed class RecentKeys
{
    private readonly Queue<ulong> _order = new();
    private readonly HashSet<ulong> _set = [];

    /// <summary>Keys remembered.</summary>
    public int Count => _order.Count;

    /// <summary>Remembers <paramref name="key"/>, forgetting the oldest beyond <paramref name="capacity"/>; false when it was already remembered.</summary>
    public bool TryAdd(string key, int capacity)
    {
        // The same stable hash as a customer set's.
        var hash = CustomerSet.Hash(key);
        if (!_set.Add(hash)) return false;
        _order.Enqueue(hash);
        while (_order.Count > capacity) _set.Remove(_order.Dequeue());
        return true;
    }

    /// <summary>Writes the hashes in arrival order as little-endian bytes in base64 (the JSON form).</summary>
    internal void WriteBase64(Utf8JsonWriter writer)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(_order.Count * 8);
        try
        {
            var i = 0;
            foreach (var hash in _order) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 * i++), hash);
            writer.WriteBase64StringValue(bytes.AsSpan(0, 8 * i));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    internal static RecentKeys FromBase64(string text)
    {
        var bytes = Convert.FromBase64String(text);
        var keys = new RecentKeys();
        for (var i = 0; i + 8 <= bytes.Length; i += 8)
        {
            var hash = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i));
            if (keys._set.Add(hash)) keys._order.Enqueue(hash);
        }
        return keys;
    }
}
