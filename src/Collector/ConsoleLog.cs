using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector;

/// <summary>
/// The agent's console log: the line format of Microsoft.Extensions.Logging's simple console formatter with
/// <c>SingleLine</c> (<c>[timestamp]level: category[event id] message exception</c>, newlines inside a message or
/// exception replaced by spaces), without that package. The console logger brings a dependency-injection container,
/// options and configuration binding, and a queue with its own thread, all resident on every node for a few lines
/// a day (docs/agent-footprint.md); this writes each line synchronously. Levels come from the standard
/// <c>Logging:LogLevel:Default</c> and <c>Logging:LogLevel:&lt;category prefix&gt;</c> keys.
/// tests/Collector.Tests/ConsoleLogTests.cs compares the lines with the real formatter's.
/// </summary>
internal static class ConsoleLog
{
    /// <summary>A logger factory writing to <paramref name="output"/>, levels from <paramref name="logging"/> (the "Logging" section).</summary>
    /// <param name="timestampFormat">Format of the UTC timestamp that starts each line; null for none.</param>
    /// <param name="colors">Color the level (ANSI), as the console formatter does on a terminal.</param>
    public static ILoggerFactory Create(TextWriter output, IConfiguration? logging, string? timestampFormat, bool colors, TimeProvider time) =>
        new LoggerFactory([new Provider(output, timestampFormat, colors, time)], Filter(logging));

    /// <summary>Writes to standard output, coloring levels when it is a terminal.</summary>
    public static ILoggerFactory Create(IConfiguration? logging, string? timestampFormat) =>
        Create(Console.Out, logging, timestampFormat, colors: !Console.IsOutputRedirected, TimeProvider.System);

    /// <summary>What Microsoft.Extensions.Logging.Configuration reads from Logging:LogLevel (provider-specific sections are not read).</summary>
    public static LoggerFilterOptions Filter(IConfiguration? logging)
    {
        var options = new LoggerFilterOptions { MinLevel = LogLevel.Information };
        foreach (var entry in logging?.GetSection("LogLevel").GetChildren() ?? [])
        {
            if (!Enum.TryParse<LogLevel>(entry.Value, ignoreCase: true, out var level))
            {
                continue;
            }

            options.Rules.Add(new LoggerFilterRule(null, string.Equals(entry.Key, "Default", StringComparison.OrdinalIgnoreCase) ? null : entry.Key, level, null));
        }

        return options;
    }

    private sealed class Provider(TextWriter output, string? timestampFormat, bool colors, TimeProvider time) : ILoggerProvider
    {
        private readonly Lock _lock = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
            lock (_lock)
            {
                output.Flush();
            }
        }

        public void Write(LogLevel level, string category, EventId eventId, string message, Exception? exception)
        {
            var line = new System.Text.StringBuilder(message.Length + 64);
            if (timestampFormat is not null)
            {
                line.Append(time.GetUtcNow().UtcDateTime.ToString(timestampFormat, System.Globalization.CultureInfo.InvariantCulture));
            }

            var (name, color) = level switch
            {
                LogLevel.Trace => ("trce", "\x1B[40m\x1B[37m"),
                LogLevel.Debug => ("dbug", "\x1B[40m\x1B[37m"),
                LogLevel.Information => ("info", "\x1B[40m\x1B[32m"),
                LogLevel.Warning => ("warn", "\x1B[40m\x1B[1m\x1B[33m"),
                LogLevel.Error => ("fail", "\x1B[41m\x1B[30m"),
                _ => ("crit", "\x1B[41m\x1B[1m\x1B[37m"),
            };
            line.Append(colors ? $"{color}{name}\x1B[39m\x1B[22m\x1B[49m" : name);
            line.Append(": ").Append(category).Append('[').Append(eventId.Id).Append(']');
            AppendOneLine(line, message);
            if (exception is not null)
            {
                AppendOneLine(line, exception.ToString());
            }

            line.Append(Environment.NewLine);
            lock (_lock)
            {
                output.Write(line.ToString());
                output.Flush();
            }
        }

        private static void AppendOneLine(System.Text.StringBuilder line, string text)
        {
            if (text.Length > 0)
            {
                line.Append(' ').Append(text.Replace(Environment.NewLine, " ", StringComparison.Ordinal));
            }
        }
    }

    private sealed class Logger(Provider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // The factory's filter decides; a provider that was asked writes.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, eventId, formatter(state, exception), exception);
            }
        }
    }
}
