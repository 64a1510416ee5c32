using AzLocalMonitor.Dashboard.Generation;

// Dashboard generator: writes (or, with --check, verifies) dashboards/*.json and the Grafana provisioning files.
var options = CliOptions.Parse(args);
if (options.Error is not null)
{
    Console.Error.WriteLine($"error: {options.Error}\n");
    Console.Error.WriteLine(CliOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(CliOptions.Usage);
    return 0;
}

var root = RepositoryRoot.Find(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory);
if (root is null && (options.Output is null || options.Provisioning is null))
{
    Console.Error.WriteLine($"error: no {RepositoryRoot.SolutionFile} above the current directory; pass --output and --provisioning");
    return 2;
}

var dashboardsDir = Path.GetFullPath(options.Output ?? Path.Combine(root!, "dashboards"));
var provisioningDir = Path.GetFullPath(options.Provisioning ?? Path.Combine(root!, "deploy", "grafana", "provisioning"));
var files = Generator.Generate(dashboardsDir, provisioningDir);
var stale = Generator.Stale(dashboardsDir, files);
string Show(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

if (options.Check)
{
    var problems = Generator.Check(files)
        .Select(p => $"{(File.Exists(p) ? "differs" : "missing")}: {Show(p)}")
        .Concat(stale.Select(p => $"stale (no longer generated): {Show(p)}"))
        .ToList();
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    if (problems.Count > 0)
    {
        Console.Error.WriteLine($"{problems.Count} generated file(s) out of date; run: dotnet run --project src/Dashboard");
        return 1;
    }

    Console.WriteLine($"{files.Count} generated files are up to date.");
    return 0;
}

var written = Generator.Write(files);
foreach (var path in written)
{
    Console.WriteLine($"wrote {Show(path)}");
}

foreach (var path in stale)
{
    Console.Error.WriteLine($"warning: {Show(path)} is no longer generated; delete it");
}

Console.WriteLine($"{files.Count} files generated, {written.Count} changed.");
return 0;
