using System.Diagnostics;

namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>Headless Chromium (Debian package <c>chromium</c>, installed by scripts/install-deps.sh), offline, with a fresh profile.</summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string Path => Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } p ? p : DefaultPath;

    /// <summary>Runs Chromium headless on <paramref name="file"/> with <paramref name="mode"/> (e.g. --dump-dom); returns stdout.</summary>
    public static async Task<string> RunAsync(string file, string workDirectory, params string[] mode)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"Chromium not found at {Path}: run scripts/install-deps.sh (apt-get install -y chromium) or set CHROMIUM.");
        }

        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDirectory,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            "--user-data-dir=" + System.IO.Path.Combine(workDirectory, "profile"),
            "--virtual-time-budget=5000",
        }.Concat(mode).Append(new Uri(file).AbsoluteUri))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Chromium exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
