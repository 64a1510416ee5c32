namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>How many active Health Service faults of one type and severity there are.</summary>
/// <param name="Severity">critical, warning or info.</param>
/// <param name="Type">Fault type, e.g. Microsoft.Health.FaultType.Server.Down.</param>
internal sealed record FaultCount(string Severity, string Type, int Count);
