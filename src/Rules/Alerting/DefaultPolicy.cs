using AzLocalMonitor.Rules.Alerting.Policy;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// The default alerting policy (docs/reference/alerts.md), shipped as <c>deploy/rules/azlocal-policy.yaml</c> and copied
/// beside the binary as <c>policy/azlocal-policy.yaml</c>.
/// </summary>
public static class DefaultPolicy
{
    /// <summary>Where the shipped default policy file is, beside the binary.</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "policy", "azlocal-policy.yaml");

    /// <summary>Loads the shipped default policy with the built-in condition kinds.</summary>
    public static AlertPolicy Load() => new PolicyLoader(ConditionCatalog.Default).LoadFiles([FilePath]);
}
