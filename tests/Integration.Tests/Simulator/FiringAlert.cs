namespace AzLocalMonitor.Integration.Tests.Simulator;

/// <summary>An alert as a test compares it: name, severity and whether inhibition mutes it.</summary>
public sealed record FiringAlert(string Name, string Severity, bool Muted = false)
{
    public override string ToString() => $"{Name}/{Severity}{(Muted ? " (muted)" : string.Empty)}";
}
