namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>Finds the real peer binaries (Debian packages prometheus, prometheus-alertmanager and victoria-metrics, installed by test.sh).</summary>
public static class Binaries
{
    public static string Prometheus => Find("prometheus");

    public static string Alertmanager => Find("prometheus-alertmanager", "alertmanager");

    public static string Node => Find("node");

    /// <summary>The repository root (where AzLocalMonitor.sln is).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AzLocalMonitor.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("AzLocalMonitor.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Find(params string[] names)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var name in names)
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            $"{string.Join(" or ", names)} is not on PATH. Run ./test.sh, which installs the Debian packages prometheus and prometheus-alertmanager.");
    }
}
