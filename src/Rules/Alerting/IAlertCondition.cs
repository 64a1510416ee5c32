namespace AzLocalMonitor.Rules.Alerting;

/// <summary>The "fires when" of a rule: finds, in one cluster, every subject for which it holds now.</summary>
public interface IAlertCondition
{
    /// <summary>Adds a candidate per subject for which the condition holds. Reads time only from <paramref name="context"/>.</summary>
    void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates);
}
