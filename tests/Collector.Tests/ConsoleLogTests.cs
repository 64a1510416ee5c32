using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AzLocalMonitor.Collector.Tests;

/// <summary>
/// The agent's console lines against Microsoft.Extensions.Logging's own simple console formatter (SingleLine, the
/// configuration the agent used before it dropped the console logger package), and its levels against
/// Microsoft.Extensions.Logging.Configuration reading the same Logging section.
/// </summary>
public class ConsoleLogTests
{
    public static TheoryData<LogLevel, int, string, bool> Lines() => new()
    {
        { LogLevel.Information, 1, "Collecting linux (/proc) as cluster c, node n", false },
        { LogLevel.Warning, 7, "Destination rules unreachable (Connection refused)", false },
        { LogLevel.Error, 10, "Could not write a batch to the spool /var/spool", true },
        { LogLevel.Critical, 0, "two\nlines", false },
        { LogLevel.Debug, 12, "debugging", true },
        { LogLevel.Trace, 13, string.Empty, true },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Write_SameLineAsTheSimpleConsoleFormatter(LogLevel level, int eventId, string message, bool withException)
    {
        var exception = withException ? Thrown() : null;
        foreach (var colors in new[] { false, true })
        {
            var expected = new StringWriter();
            Formatter(colors).Write(new LogEntry<string>(level, "AzLocalMonitor.Collector", new EventId(eventId), message, exception, (s, _) => s), null, expected);

            var actual = new StringWriter();
            using (var factory = ConsoleLog.Create(actual, EveryLevel, timestampFormat: null, colors, TimeProvider.System))
            {
                factory.CreateLogger("AzLocalMonitor.Collector").Log(level, new EventId(eventId), message, exception, (s, _) => s);
            }

            Assert.Equal(expected.ToString(), actual.ToString());
        }
    }

    [Fact]
    public void Write_Timestamp_UtcInTheGivenFormatFirst()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 20, 46, 43, 253, TimeSpan.FromHours(2)));
        var output = new StringWriter();
        using (var factory = ConsoleLog.Create(output, logging: null, "HH:mm:ss.fff ", colors: false, time))
        {
            factory.CreateLogger("AzLocalMonitor.Collector").LogInformation(new EventId(3), "Immediate export");
        }

        Assert.Equal($"18:46:43.253 info: AzLocalMonitor.Collector[3] Immediate export{Environment.NewLine}", output.ToString());
    }

    [Fact]
    public void Filter_SameLevelsAsLoggingConfiguration()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:AzLocalMonitor.Collector.Export"] = "Debug",
            ["Logging:LogLevel:AzLocalMonitor.Collector.Export.Spool"] = "None",
            ["Logging:LogLevel:System"] = "error",
        }).Build().GetSection("Logging");
        using var expected = LoggerFactory.Create(l => l.AddConfiguration(section).AddProvider(new AnyLevel()));
        using var actual = ConsoleLog.Create(TextWriter.Null, section, null, colors: false, TimeProvider.System);
        string[] categories = ["AzLocalMonitor.Collector", "AzLocalMonitor.Collector.Export", "AzLocalMonitor.Collector.Export.Spool", "AzLocalMonitor.Collector.ExportX", "System.Net.Http", "Other"];

        foreach (var category in categories)
        {
            foreach (var level in Enum.GetValues<LogLevel>().Where(l => l != LogLevel.None))
            {
                Assert.True(
                    expected.CreateLogger(category).IsEnabled(level) == actual.CreateLogger(category).IsEnabled(level),
                    $"{category} at {level}");
            }
        }

        // Without a Logging section: Information and up, as LoggerFactory.Create's default.
        using var unconfigured = ConsoleLog.Create(TextWriter.Null, null, null, colors: false, TimeProvider.System);
        Assert.False(unconfigured.CreateLogger("x").IsEnabled(LogLevel.Debug));
        Assert.True(unconfigured.CreateLogger("x").IsEnabled(LogLevel.Information));
    }

    private static IConfiguration EveryLevel { get; } =
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LogLevel:Default"] = "Trace" }).Build();

    private static ConsoleFormatter Formatter(bool colors)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.ColorBehavior = colors ? LoggerColorBehavior.Enabled : LoggerColorBehavior.Disabled;
        }));
        using var provider = services.BuildServiceProvider();
        return provider.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Simple);
    }

    private static Exception Thrown()
    {
        try
        {
            throw new IOException("disk full", new UnauthorizedAccessException("inner"));
        }
        catch (IOException e)
        {
            return e;
        }
    }

    /// <summary>A provider whose loggers take every level, so that only the factory's filter decides.</summary>
    private sealed class AnyLevel : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}
