namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>A policy could not be loaded; <see cref="Errors"/> lists every problem found, not only the first.</summary>
public sealed class PolicyException : Exception
{
    public PolicyException(IReadOnlyList<PolicyError> errors)
        : base("Invalid alerting policy:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    public PolicyException()
        : this([])
    {
    }

    public PolicyException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PolicyException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [];
    }

    public IReadOnlyList<PolicyError> Errors { get; } = [];
}
