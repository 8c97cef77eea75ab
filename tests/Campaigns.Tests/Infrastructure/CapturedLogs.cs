using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Campaigns.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry, at every level, so tests can assert on what was (not) logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured values too: a token could hide in a property that the message template does not print.
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(pair => $"{pair.Key}={Flatten(pair.Value)}"))
                : "";
            entries.Enqueue(new CapturedLogEntry(category, logLevel, formatter(state, exception), properties, exception?.ToString()));
        }

        // Header values arrive as string arrays, whose ToString() would hide their content.
        private static string? Flatten(object? value) => value switch
        {
            string text => text,
            System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Flatten)) + "]",
            _ => value?.ToString(),
        };
    }
}

/// <summary>One captured log entry, with its structured properties and exception flattened to text.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, string Properties, string? Exception)
{
    public bool Contains(string text) =>
        Message.Contains(text, StringComparison.Ordinal)
        || Properties.Contains(text, StringComparison.Ordinal)
        || (Exception?.Contains(text, StringComparison.Ordinal) ?? false);
}
