using System.Net.WebSockets;
using System.Text;

namespace Realtime.Server.Tests.Live;

/// <summary>A live hub connection over a bare WebSocket, for tests that must see frames or stop reading at will.</summary>
internal static class RawHubSocket
{
    /// <summary>The JSON hub protocol's record separator, which ends every message.</summary>
    public const char RecordSeparator = '\u001e';

    /// <summary>
    /// Connects to the hub at <paramref name="server"/> (with <paramref name="accessToken"/> in the query string, as browsers
    /// send it), negotiates the JSON protocol and calls <c>Subscribe</c> with <paramref name="scope"/> as invocation <c>"1"</c>; reads nothing.
    /// </summary>
    public static async Task<ClientWebSocket> ConnectAndSubscribeAsync(Uri server, string? accessToken, string scope, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var query = accessToken is null ? "" : "?access_token=" + Uri.EscapeDataString(accessToken);
        await socket.ConnectAsync(new Uri($"ws://{server.Authority}/hubs/live{query}"), cancellationToken);
        await SendAsync(socket, """{"protocol":"json","version":1}""", cancellationToken);
        await SendAsync(socket, $$"""{"type":1,"invocationId":"1","target":"Subscribe","arguments":["{{scope}}"]}""", cancellationToken);
        return socket;
    }

    private static Task SendAsync(WebSocket socket, string message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, true, cancellationToken);
}
