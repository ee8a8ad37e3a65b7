using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Logistics.Worker.Tests;

/// <summary>A logging provider that keeps every event of the real logging pipeline, in order.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IReadOnlyList<Entry> WithId(int eventId) => [.. _entries.Where(e => e.EventId == eventId)];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    internal sealed record Entry(int EventId, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> State)
    {
        public string Value(string key) => Convert.ToString(State.GetValueOrDefault(key), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private sealed class Logger(LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._entries.Enqueue(new Entry(eventId.Id, logLevel, formatter(state, exception), values));
        }
    }
}
