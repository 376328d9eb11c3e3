using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Realtime.Client;

/// <summary>Builds <see cref="HubConnection"/>s to Realtime's live hub (<c>/hubs/live</c>) over WebSockets.</summary>
public static class LiveConnection
{
    /// <summary>A connection to the hub at <paramref name="serverBaseUri"/> (e.g. http://127.0.0.1:5080/), using <paramref name="factory"/> for the socket.</summary>
    public static HubConnection Create(Uri serverBaseUri, WebSocketConnectionFactory? factory = null)
    {
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory>(factory ?? WebSocketConnectionFactory.ForRealServer());
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(new Uri(serverBaseUri, "hubs/live")));
        builder.AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        return builder.Build();
    }

    /// <summary>A connection over sockets opened by <paramref name="connect"/> (e.g. the test server's WebSocket client).</summary>
    public static HubConnection Create(Uri serverBaseUri, Func<Uri, CancellationToken, Task<WebSocket>> connect) =>
        Create(serverBaseUri, new WebSocketConnectionFactory(connect));
}
