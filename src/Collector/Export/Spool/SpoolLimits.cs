namespace AzLocalMonitor.Collector.Export.Spool;

/// <summary>How much the spool may hold before it drops its oldest batches (each drop is counted).</summary>
/// <param name="MaxBatches">Most batches kept; at the default 10 s interval 20 000 batches are about 55 hours.</param>
/// <param name="MaxBytes">Most bytes of batches kept.</param>
internal sealed record SpoolLimits(int MaxBatches, long MaxBytes)
{
    public static SpoolLimits Default { get; } = new(20_000, 64L * 1024 * 1024);
}
