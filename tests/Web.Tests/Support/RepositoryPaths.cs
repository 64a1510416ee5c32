namespace AzLocalMonitor.Web.Tests.Support;

/// <summary>Paths in the repository, found by walking up from the test binaries to AzLocalMonitor.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Where the browser tests save a screenshot of each view: artifacts/screenshots.</summary>
    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzLocalMonitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AzLocalMonitor.sln not found above {AppContext.BaseDirectory}.");
    }
}
