namespace AzLocalMonitor.Rules.Cli;

/// <summary>Dispatches the offline subcommands (<c>forecast</c>, <c>report</c>, <c>backfill</c>) before the web app starts.</summary>
public static class CliRunner
{
    /// <summary>True when <paramref name="args"/> names a subcommand.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) =>
        args is { Count: > 0 } && args[0] is "forecast" or "report" or "backfill";

    /// <summary>Runs the subcommand; user errors are one line on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        var rest = args.Skip(1).ToList();
        try
        {
            return args[0] switch
            {
                "forecast" => ForecastCommand.Run(rest, stdout, stderr),
                "report" => await ReportCommand.RunAsync(rest, stdout, stderr, time ?? TimeProvider.System).ConfigureAwait(false),
                _ => await ReportCommand.BackfillAsync(rest, stdout).ConfigureAwait(false),
            };
        }
        catch (CliException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
    }
}
