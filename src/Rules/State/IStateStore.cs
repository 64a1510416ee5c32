using AzLocalMonitor.Rules.Muting;

namespace AzLocalMonitor.Rules.State;

/// <summary>
/// Durable state of Rules: alerts, node report checkpoints, maintenance windows and their audit trail.
/// SQLite is the embedded default; the interface lets a shared store replace it for HA pairs.
/// </summary>
public interface IStateStore
{
    /// <summary>Replaces the stored alerts of a cluster with <paramref name="alerts"/> (written atomically).</summary>
    void SaveAlerts(string cluster, long version, IReadOnlyList<AlertRecord> alerts);

    /// <summary>Every stored alert.</summary>
    IReadOnlyList<AlertRecord> LoadAlerts();

    /// <summary>Records when nodes last reported themselves (cluster, node, Unix ms).</summary>
    void SaveNodeReports(IReadOnlyList<(string Cluster, string Node, long LastMs)> reports);

    /// <summary>Stored node report times.</summary>
    IReadOnlyList<(string Cluster, string Node, long LastMs)> LoadNodeReports();

    /// <summary>Stores a maintenance window and its audit entry in one transaction.</summary>
    void SaveWindow(MaintenanceWindow window, AuditRecord audit);

    /// <summary>Deletes a maintenance window and stores its audit entry in one transaction.</summary>
    void DeleteWindow(string id, AuditRecord audit);

    /// <summary>Maintenance windows created through the API.</summary>
    IReadOnlyList<MaintenanceWindow> LoadWindows();

    /// <summary>The audit trail, newest first.</summary>
    IReadOnlyList<AuditRecord> LoadAudit(int limit);
}
