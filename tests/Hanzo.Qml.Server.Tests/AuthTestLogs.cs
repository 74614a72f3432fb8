using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Captures every log record (message, state values, scopes, exception) of a test server.</summary>
public sealed class AuthTestLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _records = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<string> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(AuthTestLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                foreach (var kv in values) text.Append(" | ").Append(kv.Key).Append('=').Append(kv.Value);
            owner._scopes?.ForEachScope((scope, sb) => sb.Append(" | scope ").Append(scope), text);
            if (exception is not null) text.Append(" | ").Append(exception);
            owner._records.Enqueue(text.ToString());
        }
    }
}
