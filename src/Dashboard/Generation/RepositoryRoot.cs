namespace AzLocalMonitor.Dashboard.Generation;

/// <summary>Finds the repository root: the nearest directory upwards that holds AzLocalMonitor.sln.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "AzLocalMonitor.sln";

    /// <summary>Walks up from <paramref name="start"/>; null when no ancestor holds the solution file.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
