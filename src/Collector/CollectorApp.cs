using System.CommandLine;
using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Simulated;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector;

/// <summary>
/// The collector as a function of its arguments: Program.cs calls it, and integration tests run it in-process
/// and stop it with their token.
/// </summary>
internal static class CollectorApp
{
    /// <summary>Runs the collector until <paramref name="cancellationToken"/> is cancelled; returns an <see cref="ExitCodes"/> value.</summary>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        RunAsync(args, Console.Out, Console.Error, cancellationToken);

    /// <param name="output">Where --help goes.</param>
    /// <param name="error">Where option and scenario errors go (logs go to the console logger).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = new CollectorCommand();
        var parsed = command.Root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (parsed.Action is not null && parsed.Action != command.Root.Action)
        {
            // --help, --version or a subcommand (simulate ...). Signals are ours (Program.cs), not System.CommandLine's.
            var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        CollectorOptions options;
        IConfiguration configuration;
        try
        {
            configuration = BuildConfiguration(command.ToConfiguration(parsed));
            options = OptionsReader.Read(configuration);
        }
        catch (OptionsException e)
        {
            foreach (var problem in e.Problems)
            {
                await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (InvalidDataException e)
        {
            // appsettings.json that is not JSON.
            await error.WriteLineAsync($"error: {e.Message} {e.InnerException?.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Disposed last, so the session's final log lines are written before the console logger stops.
        using var loggers = ConsoleLog.Create(configuration.GetSection("Logging"), timestampFormat: "HH:mm:ss.fff ");

        SourceSetup setup;
        try
        {
            setup = SourceFactory.Create(options, TimeProvider.System, loggers);
        }
        catch (ScenarioException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (SourceUnavailableException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unavailable;
        }

        try
        {
            // A replayed capture reports as the node it was taken on, unless --node says otherwise.
            var reporting = setup.Node is { } node ? options with { Node = node } : options;
            await using var session = new ExportSession(reporting, setup, loggers, TimeProvider.System);
            return await session.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SourceUnavailableException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unavailable;
        }
    }

    /// <exception cref="InvalidDataException">appsettings.json is not JSON.</exception>
    private static IConfigurationRoot BuildConfiguration(Dictionary<string, string?> commandLine)
    {
        // appsettings.json beside the binary, optional, read once. Read here rather than with AddJsonFile, whose file
        // providers (watcher, globbing) the agent does not need in its binary (docs/agent-footprint.md).
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var builder = new ConfigurationBuilder();
        if (File.Exists(path))
        {
            builder.AddJsonStream(new MemoryStream(File.ReadAllBytes(path)));
        }

        try
        {
            return builder.AddEnvironmentVariables().AddInMemoryCollection(commandLine).Build();
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"Failed to load configuration from file '{path}'.", e);
        }
    }
}
