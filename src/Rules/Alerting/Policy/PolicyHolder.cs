namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>
/// The policy in force. A reload swaps it atomically; alert state lives in the clusters keyed by rule, so a
/// reload keeps pending and firing alerts of rules that still exist.
/// </summary>
public sealed class PolicyHolder
{
    private AlertPolicy _current;

    public PolicyHolder(AlertPolicy initial) => _current = initial;

    /// <summary>The policy in force.</summary>
    public AlertPolicy Current => Volatile.Read(ref _current);

    /// <summary>When the policy was last (re)loaded.</summary>
    public DateTimeOffset LoadedAt { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>Puts <paramref name="policy"/> in force.</summary>
    public void Swap(AlertPolicy policy, DateTimeOffset at)
    {
        Volatile.Write(ref _current, policy);
        LoadedAt = at;
    }
}
