using System.Runtime.InteropServices;
using AzLocalMonitor.Collector;

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
