namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>One problem in a policy file, with where it is.</summary>
public sealed record PolicyError(string File, long Line, long Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
