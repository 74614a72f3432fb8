using Hanzo.Qml.Server;

// Routes, middleware and configuration live in QmlServerHost so `hanzo-qml serve` runs exactly this server.
return await QmlServerHost.MainAsync(args);

/// <summary>The service's entry point; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program { }
