namespace AzLocalMonitor.Collector.Export.Spool;

/// <summary>Another collector process already uses the spool directory.</summary>
internal sealed class SpoolLockedException : IOException
{
    public SpoolLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SpoolLockedException(string message)
        : base(message)
    {
    }

    public SpoolLockedException()
    {
    }
}
