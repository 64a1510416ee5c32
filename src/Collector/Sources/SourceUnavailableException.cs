namespace AzLocalMonitor.Collector.Sources;

/// <summary>The chosen source cannot run here (wrong platform, missing /proc...). The message says why.</summary>
internal sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException(string message)
        : base(message)
    {
    }

    public SourceUnavailableException()
    {
    }

    public SourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
