using System.Diagnostics;

namespace AzLocalMonitor.Dashboard.Tests.Support;

/// <summary>Runs a command to completion with a timeout and returns its exit code and combined output.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output) Run(string fileName, params string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within 60 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
