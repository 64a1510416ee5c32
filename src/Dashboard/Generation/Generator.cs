using AzLocalMonitor.Dashboard.Dashboards;

namespace AzLocalMonitor.Dashboard.Generation;

/// <summary>Produces, writes and checks every generated file: dashboards/*.json and the Grafana provisioning YAML.</summary>
public static class Generator
{
    /// <summary>Builds every dashboard and provisioning file, in a stable order; throws listing every dashboard error.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(string dashboardsDir, string provisioningDir)
    {
        var files = new List<GeneratedFile>();
        var errors = new List<string>();
        foreach (var definition in DashboardCatalog.All)
        {
            var result = definition.Create().Build();
            if (!result.IsSuccess)
            {
                errors.AddRange(result.Errors.Select(e => $"{definition.FileName}: {e}"));
                continue;
            }

            files.Add(new GeneratedFile(Path.Combine(dashboardsDir, definition.FileName), DashboardJson.Serialize(result.Dashboard!)));
        }

        errors.AddRange(DashboardCatalog.All.GroupBy(d => d.Uid).Where(g => g.Count() > 1).Select(g => $"uid {g.Key} is used by several dashboards"));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid dashboards:\n  " + string.Join("\n  ", errors));
        }

        files.Add(new GeneratedFile(Path.Combine(provisioningDir, ProvisioningFiles.DashboardsFile), ProvisioningFiles.Dashboards()));
        files.Add(new GeneratedFile(Path.Combine(provisioningDir, ProvisioningFiles.DatasourcesFile), ProvisioningFiles.Datasources()));
        return files;
    }

    /// <summary>Writes files whose content changed; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(IEnumerable<GeneratedFile> files)
    {
        var written = new List<string>();
        foreach (var file in files)
        {
            if (File.Exists(file.Path) && File.ReadAllText(file.Path) == file.Content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            File.WriteAllText(file.Path, file.Content);
            written.Add(file.Path);
        }

        return written;
    }

    /// <summary>Paths of files that are missing or differ from what would be generated (empty when up to date).</summary>
    public static IReadOnlyList<string> Check(IEnumerable<GeneratedFile> files) =>
        files.Where(f => !File.Exists(f.Path) || File.ReadAllText(f.Path) != f.Content)
            .Select(f => f.Path)
            .ToList();

    /// <summary>Dashboard JSON files in the output directory that the generator no longer produces.</summary>
    public static IReadOnlyList<string> Stale(string dashboardsDir, IEnumerable<GeneratedFile> files)
    {
        if (!Directory.Exists(dashboardsDir))
        {
            return [];
        }

        var expected = files.Select(f => Path.GetFullPath(f.Path)).ToHashSet(StringComparer.Ordinal);
        return Directory.GetFiles(dashboardsDir, "*.json")
            .Select(Path.GetFullPath)
            .Where(p => !expected.Contains(p))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
