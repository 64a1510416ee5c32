using AzLocalMonitor.Dashboard.Generation;

namespace AzLocalMonitor.Dashboard.Tests.Support;

/// <summary>Locates the repository root by walking up from the test binaries to AzLocalMonitor.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"no {RepositoryRoot.SolutionFile} above {AppContext.BaseDirectory}");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
