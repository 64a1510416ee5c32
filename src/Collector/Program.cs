using System.Runtime.InteropServices;
using AzLocalMonitor.Collector;

// Under the Windows Service Control Manager (deploy/windows/Install-AzLocalCollector.ps1 adds --windows-service),
// the SCM's stop and shutdown stop the run.
if (OperatingSystem.IsWindows() && args.Contains("--windows-service"))
{
    return WindowsServiceHost.Run([.. args.Where(a => a != "--windows-service")]);
}

// Ctrl-C and SIGTERM (systemd, docker stop) cancel the run; the collector then makes a final export and exits 0.
using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

return await CollectorApp.RunAsync(args, stop.Token);

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
