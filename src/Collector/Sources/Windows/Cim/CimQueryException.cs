namespace AzLocalMonitor.Collector.Sources.Windows.Cim;

/// <summary>A CIM query failed: WMI refused it (invalid class, property or namespace), or its provider did not answer.</summary>
internal sealed class CimQueryException : Exception
{
    public CimQueryException()
    {
    }

    public CimQueryException(string message)
        : base(message)
    {
    }

    public CimQueryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
