namespace AzLocalMonitor.Rules.Alerting;

/// <summary>Label and annotation names every alert carries.</summary>
public static class AlertLabels
{
    public const string AlertName = "alertname";
    public const string Severity = "severity";
    public const string Summary = "summary";
    public const string Description = "description";
    public const string Runbook = "runbook";
}
