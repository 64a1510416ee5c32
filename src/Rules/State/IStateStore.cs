using AzLocalMonitor.Rules.Muting;

namespace AzLocalMonitor.Rules.State;

/// <summary>
/// Durable state of Rules: alerts, node report checkpoints, maintenance windows and their audit trail.
/// SQLite is the embedded default; the interface lets a shared store replace it for HA pairs.
/// </summary>
public interface IStateStore
{
    /// <summary>Writes alert rows that changed (inserted, replaced or deleted) in one transaction.</summary>
    void SaveAlertChanges(IReadOnlyList<AlertChange> changes);

    /// <summary>A cluster's alert history (firing, muted, resolved), newest first, at most <paramref name="limit"/> steps.</summary>
    IReadOnlyList<AlertTransition> LoadAlertHistory(string cluster, int limit);

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

    /// <summary>Stores a silence (new, or expired) and its audit entry in one transaction.</summary>
    void SaveSilence(Silence silence, AuditRecord audit);

    /// <summary>Every stored silence, expired ones included.</summary>
    IReadOnlyList<Silence> LoadSilences();

    /// <summary>The audit trail, newest first.</summary>
    IReadOnlyList<AuditRecord> LoadAudit(int limit);
}
