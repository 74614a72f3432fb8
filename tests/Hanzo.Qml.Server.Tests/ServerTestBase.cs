namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// Route tests that run twice, on SQLite and on PostgreSQL: a test class derives from this and is declared once per
/// database (<c>…OnSqlite</c>, <c>…OnPostgres</c>). The server starts on first use, so a PostgreSQL test without a
/// server is reported as skipped rather than failing in a constructor. Test methods use <c>[SkippableFact]</c>.
/// </summary>
public abstract class ServerTestBase(DatabaseKind kind) : IDisposable
{
    private ServerFactory? _factory;
    private HttpClient? _client;

    protected DatabaseKind Kind { get; } = kind;

    protected ServerFactory Factory => _factory ??= Configure(new ServerFactory(kind: Kind));

    protected HttpClient Client => _client ??= Factory.Api();

    /// <summary>Adds settings to the server before it starts.</summary>
    protected virtual ServerFactory Configure(ServerFactory factory) => factory;

    public void Dispose()
    {
        _client?.Dispose();
        _factory?.Dispose();
        GC.SuppressFinalize(this);
    }
}
