namespace AzLocalMonitor.Collector;

/// <summary>Process exit codes (listed in --help).</summary>
internal static class ExitCodes
{
    /// <summary>Stopped cleanly, or --once delivered its export.</summary>
    public const int Success = 0;

    /// <summary>A runtime failure, or --once could not deliver.</summary>
    public const int Failure = 1;

    /// <summary>Bad options, configuration or scenario file.</summary>
    public const int Usage = 2;

    /// <summary>The chosen source cannot run on this machine (e.g. windows on Linux).</summary>
    public const int Unavailable = 3;
}
