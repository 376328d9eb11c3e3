using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Realtime.LoadTest;

/// <summary>
/// Forces a full, blocking garbage collection in another .NET process without changing it: opens an EventPipe session
/// over the runtime's diagnostics IPC socket with the <c>GCHeapCollect</c> keyword (what <c>dotnet-gcdump</c> does to
/// get a clean heap), then stops the session. Protocol: dotnet/diagnostics documentation/design-docs/ipc-protocol.md.
/// </summary>
public static class InducedGc
{
    private const ulong GcHeapCollectKeyword = 0x800000;
    private const ulong GcKeyword = 0x1;

    /// <summary>Induces a full GC in <paramref name="pid"/>; returns false (and says why) when the runtime could not be reached.</summary>
    public static async Task<bool> CollectAsync(int pid)
    {
        try
        {
            var socketPath = Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{pid}-*-socket").FirstOrDefault()
                ?? throw new InvalidOperationException("no diagnostics socket (DOTNET_EnableDiagnostics=0?)");
            using var session = await ConnectAsync(socketPath);
            await session.SendAsync(CollectTracing(), SocketFlags.None);
            var sessionId = await ReadOkAsync(session);
            // The session streams events; drain them so the runtime never blocks on a full buffer.
            var drain = DrainAsync(session);
            await Task.Delay(1500);
            using (var stop = await ConnectAsync(socketPath))
            {
                var payload = new byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(payload, sessionId);
                await stop.SendAsync(Message(0x02, 0x01, payload), SocketFlags.None);
                await ReadOkAsync(stop);
            }
            await drain.WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"  (could not induce a GC in {pid}: {e.Message}; memory is read without it)");
            return false;
        }
    }

    private static async Task<Socket> ConnectAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    private static async Task DrainAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0)
            {
            }
        }
        catch (SocketException)
        {
        }
    }

    /// <summary>EventPipe CollectTracing (command set 0x02, id 0x02): 16 MB buffer, nettrace, one provider.</summary>
    private static byte[] CollectTracing()
    {
        var payload = new List<byte>();
        void U32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); payload.AddRange(b); }
        void U64(ulong v) { var b = new byte[8]; BinaryPrimitives.WriteUInt64LittleEndian(b, v); payload.AddRange(b); }
        void Str(string? s)
        {
            if (s is null) { U32(0); return; }
            U32((uint)s.Length + 1);
            payload.AddRange(Encoding.Unicode.GetBytes(s + "\0"));
        }
        U32(16);        // circular buffer MB
        U32(1);         // format: nettrace
        U32(1);         // one provider
        U64(GcHeapCollectKeyword | GcKeyword);
        U32(4);         // informational
        Str("Microsoft-Windows-DotNETRuntime");
        Str(null);
        return Message(0x02, 0x02, payload.ToArray());
    }

    private static byte[] Message(byte commandSet, byte commandId, byte[] payload)
    {
        var message = new byte[20 + payload.Length];
        Encoding.ASCII.GetBytes("DOTNET_IPC_V1\0").CopyTo(message, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(14), (ushort)message.Length);
        message[16] = commandSet;
        message[17] = commandId;
        payload.CopyTo(message, 20);
        return message;
    }

    private static async Task<ulong> ReadOkAsync(Socket socket)
    {
        var header = await ReadExactlyAsync(socket, 20);
        var size = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(14));
        var body = await ReadExactlyAsync(socket, size - 20);
        if (header[16] != 0xFF || header[17] != 0x00)
            throw new InvalidOperationException($"diagnostics IPC error 0x{(body.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(body) : 0):X8}");
        return body.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(body) : 0;
    }

    private static async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            if (n == 0) throw new EndOfStreamException("diagnostics socket closed");
            read += n;
        }
        return buffer;
    }
}
