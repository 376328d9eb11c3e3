using Realtime.Server.Hosting;

var app = RealtimeServer.Build(args);
app.Run();

/// <summary>Entry point marker for <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
