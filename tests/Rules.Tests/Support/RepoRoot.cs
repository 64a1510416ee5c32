namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>The repository root: the nearest folder above the test binary with AzLocalMonitor.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "AzLocalMonitor.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AzLocalMonitor.sln not found above " + AppContext.BaseDirectory);
    }
}
