using System.Buffers;

namespace Realtime.Server.Ingest;

/// <summary>
/// A request body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>; disposing returns it. A batch of
/// 1,000 events is ~250 KB: allocated per request (twice, with the copy out of a stream), such bodies went to the large
/// object heap and set off full collections during ingest.
/// </summary>
public sealed class RequestBody : IDisposable
{
    private byte[]? _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Bytes read.</summary>
    public int Length { get; }

    /// <summary>The body; valid until disposed.</summary>
    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(RequestBody))).AsMemory(0, Length);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (bodies must fit in an array: at most 2 GB).</summary>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        var max = (int)Math.Min(limit, Array.MaxLength - 1);
        // One byte more than announced: reading it means the body was longer than its Content-Length said.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } n ? (int)Math.Min(n + 1, max + 1L) : 64 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > max) return Release(buffer);
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, max + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0) break;
                length += read;
            }
            if (length > max) return Release(buffer);
            return new RequestBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static RequestBody? Release(byte[] buffer)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
    }
}
