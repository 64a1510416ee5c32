namespace AzLocalMonitor.Rules.State;

/// <summary>One entry of the audit trail: who changed what, and when.</summary>
public sealed record AuditRecord(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string Details);
