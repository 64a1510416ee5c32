namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>Where the alerting policy comes from (configuration section <c>Policy</c>).</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>The default policy file; the one shipped beside the binary when empty.</summary>
    public string? Default { get; set; }

    /// <summary>User policy files laid over the default, in order (overrides, extra alerts, windows).</summary>
    public List<string> Files { get; } = [];

    /// <summary>Reload when a policy file changes. Default true.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Every file, default first.</summary>
    public IReadOnlyList<string> AllFiles() => [string.IsNullOrWhiteSpace(Default) ? DefaultPolicy.FilePath : Default, .. Files];
}
