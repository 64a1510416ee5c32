using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>A real PowerShell 7.6 runspace in the test process (Microsoft.PowerShell.SDK).</summary>
internal static class PowerShellHost
{
    /// <summary>Runs <paramref name="script"/> in a fresh runspace; throws with every error record when it wrote any.</summary>
    public static IReadOnlyList<PSObject> Run(string script, IDictionary<string, object?>? variables = null)
    {
        var state = InitialSessionState.CreateDefault2();
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            state.Variables.Add(new SessionStateVariableEntry(name, value, description: null));
        }

        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var ps = PowerShell.Create(runspace);
        ps.AddScript(script);
        var output = ps.Invoke();
        if (ps.HadErrors)
        {
            var errors = ps.Streams.Error.Select(e => $"{e} ({e.InvocationInfo?.PositionMessage})");
            throw new InvalidOperationException("PowerShell errors:\n" + string.Join("\n", errors));
        }

        return [.. output];
    }
}
