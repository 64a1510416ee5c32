using System.Diagnostics;
using AzLocalMonitor.Web.Tests.Support;

namespace AzLocalMonitor.Web.Tests;

/// <summary>The committed bundle (src/Rules/Web/dist) is what src/Web builds: `npm run check` type-checks and compares.</summary>
public class BundleTests
{
    [Fact]
    public async Task CommittedBundle_MatchesTheSource()
    {
        var web = Path.Combine(RepositoryPaths.Root, "src", "Web");
        Assert.True(Directory.Exists(Path.Combine(web, "node_modules")), "src/Web/node_modules is missing: run scripts/install-deps.sh (npm ci in src/Web).");
        var start = new ProcessStartInfo("npm", "run --silent check")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var npm = Process.Start(start)!;
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await npm.WaitForExitAsync(timeout.Token);

        Assert.True(npm.ExitCode == 0, $"npm run check failed ({npm.ExitCode}):\n{await stdout}\n{await stderr}");
        Assert.Contains("up to date", await stdout, StringComparison.Ordinal);
    }
}
