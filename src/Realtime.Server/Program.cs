using Realtime.Server.Auth;
using Realtime.Server.Hosting;

// Auth:Users holds password hashes only: this prints one to paste there.
if (args is ["--hash-password", var password])
{
    Console.WriteLine(PasswordHashing.Hash(password));
    return;
}

var app = RealtimeServer.Build(args);
app.Run();

/// <summary>Entry point marker for <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
