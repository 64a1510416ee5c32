namespace AzLocalMonitor.Rules.Cli;

/// <summary>A user error the CLI reports as one line on stderr with exit code 2 (bad option, bad row: file and line).</summary>
public sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
