using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;

namespace AzLocalMonitor.Rules.Cli;

/// <summary>
/// <c>export-prometheus-rules [--policy FILE]... [--output FILE] [--check]</c>: writes the alerting policy as
/// Prometheus rules (default: deploy/prometheus-only/rules/azlocal.rules.yml from the shipped default policy).
/// </summary>
public static class ExportPrometheusRulesCommand
{
    public const string Name = "export-prometheus-rules";

    private const string Usage = """
        Usage: dotnet run --project src/Rules -- export-prometheus-rules [--policy FILE]... [--output FILE] [--check]

        Writes the alerting policy (the shipped default, with any --policy files laid over it) as Prometheus
        alerting rules. Without --output the rules go to standard output.
          --policy FILE   a user policy file laid over the default (repeatable)
          --output FILE   where to write (e.g. deploy/prometheus-only/rules/azlocal.rules.yml)
          --check         do not write: exit 1 when FILE differs from what would be written
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var policies = new List<string> { DefaultPolicy.FilePath };
        string? output = null;
        var check = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--policy" when i + 1 < args.Length:
                    policies.Add(args[++i]);
                    break;
                case "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--check":
                    check = true;
                    break;
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    stderr.WriteLine($"error: unexpected argument '{args[i]}'.\n{Usage}");
                    return 2;
            }
        }

        if (check && output is null)
        {
            stderr.WriteLine("error: --check needs --output FILE.");
            return 2;
        }

        AlertPolicy policy;
        try
        {
            policy = new PolicyLoader(ConditionCatalog.Default).LoadFiles(policies);
        }
        catch (PolicyException ex)
        {
            stderr.WriteLine(ex.Message);
            return 2;
        }

        var text = PrometheusRulesWriter.Write(policy, "dotnet run --project src/Rules -- " + Name);
        if (output is null)
        {
            stdout.Write(text);
            return 0;
        }

        if (check)
        {
            var current = File.Exists(output) ? File.ReadAllText(output) : null;
            if (current == text)
            {
                return 0;
            }

            stderr.WriteLine($"{output} is stale: run `dotnet run --project src/Rules -- {Name} --output {output}`.");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, text);
        stdout.WriteLine($"wrote {policy.Rules.Count} rules to {output}");
        return 0;
    }
}
