namespace AzLocalMonitor.Dashboard.Tests.Support;

/// <summary>A fact skipped, with a message saying why, when a required binary is not installed (test.sh installs it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresFileFactAttribute : FactAttribute
{
    public RequiresFileFactAttribute(string path)
    {
        Path = path;
        if (!File.Exists(path))
        {
            Skip = $"{path} is not installed (test.sh installs the Debian prometheus/prometheus-alertmanager packages)";
        }
    }

    public string Path { get; }
}
