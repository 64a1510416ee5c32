using AzLocalMonitor.Rules.Muting;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>The policy's <c>recovery_holds</c> (<see cref="RecoveryHold"/>) and the label matchers they share with inhibit rules.</summary>
public sealed partial class PolicyLoader
{
    private static RecoveryHold? ReadRecoveryHold(YamlReader reader, YamlNode node)
    {
        const string What = "recovery hold";
        var map = reader.Map(node, "a recovery hold", "targets", "target_matchers", "while", "unless", "equal");
        var targets = reader.Strings(map, "targets", What);
        var recovering = reader.String(map, "while", required: true, What, node);
        var unless = reader.Strings(map, "unless", What);
        var equal = reader.Strings(map, "equal", What);
        var matchers = ReadMatchers(reader, map, node, What);
        if (targets.Count == 0)
        {
            // Holding every alert of a cluster while a repair runs would hide new incidents: name what recovers.
            reader.Error(node, "recovery hold: 'targets' is required (the consequences that recover with the incident)");
            return null;
        }

        return recovering is null ? null : new RecoveryHold(targets, recovering, unless, equal.Count > 0 ? equal : ["cluster"]) { TargetMatchers = matchers };
    }

    private static List<LabelMatcher> ReadMatchers(YamlReader reader, Dictionary<string, YamlNode> map, YamlNode node, string what)
    {
        var matchers = new List<LabelMatcher>();
        foreach (var matcher in reader.Strings(map, "target_matchers", what))
        {
            try
            {
                matchers.Add(LabelMatcher.Parse(matcher));
            }
            catch (FormatException e)
            {
                reader.ErrorAt(node.Start.Line, node.Start.Column, $"{what}: {e.Message}");
            }
        }

        return matchers;
    }

    private static void CheckRecoveryHolds(List<RecoveryHold> holds, List<DraftAlert> alerts, List<PolicyError> errors)
    {
        var names = alerts.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var hold in holds)
        {
            foreach (var name in hold.Targets.Append(hold.While).Concat(hold.Unless).Where(n => !names.Contains(n)))
            {
                errors.Add(new PolicyError("recovery_holds", 0, 0, $"recovery hold names unknown alert '{name}'"));
            }

            if (hold.Targets.Contains(hold.While, StringComparer.Ordinal))
            {
                errors.Add(new PolicyError("recovery_holds", 0, 0, $"recovery hold: '{hold.While}' cannot hold itself"));
            }
        }
    }
}
