namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>Files of the repository the tests read in place (the Windows source code, its schema, the shipped scripts).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string WindowsSource => Path.Combine(Root, "src", "Collector", "Sources", "Windows");

    public static string Schema => Path.Combine(WindowsSource, "Cim", "cim-schema.json");

    public static string DeployWindows => Path.Combine(Root, "deploy", "windows");

    public static string Captures => Path.Combine(AppContext.BaseDirectory, "Sources", "Windows", "Captures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzLocalMonitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AzLocalMonitor.sln not found above " + AppContext.BaseDirectory);
    }
}
