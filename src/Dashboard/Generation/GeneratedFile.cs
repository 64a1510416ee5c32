namespace AzLocalMonitor.Dashboard.Generation;

/// <summary>A file the generator produces: absolute path and exact content.</summary>
public sealed record GeneratedFile(string Path, string Content);
