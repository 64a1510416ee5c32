namespace AzLocalMonitor.Rules.Ingest;

/// <summary>Limits of the OTLP receiver (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest accepted body, compressed or not, in bytes; larger gets 413. Default 8 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 8L * 1024 * 1024;
}
