using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace AzLocalMonitor.Collector;

/// <summary>
/// Runs the collector under the Windows Service Control Manager (the agent's --windows-service mode, used by
/// deploy/windows/Install-AzLocalCollector.ps1): the SCM protocol through advapi32 directly, since the hosting
/// packages for Windows services are not restorable here. Stop and shutdown cancel the run, which makes a final
/// export into the spool. Not runnable off Windows (and not exercised by this repository's tests).
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class WindowsServiceHost
{
    private const int ServiceWin32OwnProcess = 0x10;
    private const int Stopped = 1;
    private const int StartPending = 2;
    private const int StopPending = 3;
    private const int Running = 4;
    private const int AcceptStopAndShutdown = 0x1 | 0x4;
    private const int ControlStop = 1;
    private const int ControlInterrogate = 4;
    private const int ControlShutdown = 5;

    // Kept in statics: the SCM calls back into these delegates for the life of the process.
    private static readonly ServiceMain s_main = OnServiceMain;
    private static readonly HandlerEx s_handler = Handler;
    private static readonly CancellationTokenSource s_stop = new();
    private static string[] s_args = [];
    private static IntPtr s_status;
    private static int s_exitCode;

    private delegate void ServiceMain(int argc, IntPtr argv);

    private delegate int HandlerEx(int control, int eventType, IntPtr eventData, IntPtr context);

    /// <summary>Blocks until the service stops; returns the collector's exit code.</summary>
    public static int Run(string[] args)
    {
        s_args = args;
        var table = new[] { new ServiceTableEntry { Name = string.Empty, Proc = s_main }, default };
        if (!StartServiceCtrlDispatcherW(table))
        {
            throw new InvalidOperationException(
                $"--windows-service: not started by the Service Control Manager (error {Marshal.GetLastPInvokeError()}). Run without it from a console.");
        }

        return s_exitCode;
    }

    private static void OnServiceMain(int argc, IntPtr argv)
    {
        s_status = RegisterServiceCtrlHandlerExW(string.Empty, s_handler, IntPtr.Zero);
        Report(StartPending, 0);
        var run = CollectorApp.RunAsync(s_args, s_stop.Token);
        Report(Running, 0);
        s_exitCode = run.GetAwaiter().GetResult();
        Report(Stopped, s_exitCode);
    }

    private static int Handler(int control, int eventType, IntPtr eventData, IntPtr context)
    {
        if (control is ControlStop or ControlShutdown)
        {
            Report(StopPending, 0);
            s_stop.Cancel();
        }
        else if (control != ControlInterrogate)
        {
            return 120; // ERROR_CALL_NOT_IMPLEMENTED
        }

        return 0;
    }

    private static void Report(int state, int exitCode)
    {
        var status = new ServiceStatus
        {
            ServiceType = ServiceWin32OwnProcess,
            CurrentState = state,
            ControlsAccepted = state == Running ? AcceptStopAndShutdown : 0,
            Win32ExitCode = exitCode == 0 ? 0 : 1066, // ERROR_SERVICE_SPECIFIC_ERROR
            ServiceSpecificExitCode = exitCode,
            WaitHint = state is StartPending or StopPending ? 30_000 : 0,
        };
        SetServiceStatus(s_status, ref status);
    }

    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    private struct ServiceTableEntry
    {
        public string? Name;
        public ServiceMain? Proc;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ServiceStatus
    {
        public int ServiceType;
        public int CurrentState;
        public int ControlsAccepted;
        public int Win32ExitCode;
        public int ServiceSpecificExitCode;
        public int CheckPoint;
        public int WaitHint;
    }

#pragma warning disable SYSLIB1054 // delegates in a struct array need the built-in marshaller
    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool StartServiceCtrlDispatcherW([In] ServiceTableEntry[] table);

    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern IntPtr RegisterServiceCtrlHandlerExW(string serviceName, HandlerEx handler, IntPtr context);

    [DllImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool SetServiceStatus(IntPtr handle, ref ServiceStatus status);
#pragma warning restore SYSLIB1054
}
