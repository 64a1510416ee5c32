using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text;
using AzLocalMonitor.Collector.Configuration;
using Microsoft.Extensions.Configuration;

namespace AzLocalMonitor.Collector.Tests.Docs;

/// <summary>
/// Writes docs/reference/configuration-agent.md from the agent's code: every key of <see cref="ConfigurationKeys"/>;
/// its command-line option and meaning from <see cref="CollectorCommand"/> (the text <c>--help</c> prints, which
/// states the defaults); its validation found by giving <see cref="OptionsReader"/> bad values and keeping the new
/// problems. Keys with no command-line option take their meaning from <see cref="WithoutOption"/>, and a key that
/// has neither fails the test: a key added in code cannot be left out of the page.
/// </summary>
internal static partial class AgentConfigurationWriter
{
    /// <summary>The keys that have no command-line option (environment or appsettings.json only), and what they mean.</summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutOption = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ConfigurationKeys.Token] = "The bearer token itself, from the environment (`Collector__Token`) or appsettings.json; never a command-line option (it would show in the process list). `--token-file` wins when both are set.",
        [ConfigurationKeys.SpoolMaxBatches] = "Most batches the spool keeps; beyond it the oldest are dropped and counted (`azlm_agent_spool_dropped_total`). Default 20000.",
        [ConfigurationKeys.SpoolMaxBytes] = "Most bytes the spool keeps; beyond it the oldest batches are dropped and counted. Default 64 MiB.",
        [ConfigurationKeys.OtlpEndpoint] = "The standard OpenTelemetry variable: a base URL to which /v1/metrics is appended. The Rules URL when `--rules` is not given; a second destination (Grafana Alloy, Grafana Cloud) when it is.",
        [ConfigurationKeys.OtlpMetricsEndpoint] = "The standard per-signal variable: the full metrics URL, used as given; a second destination beside Rules.",
        [ConfigurationKeys.OtlpHeaders] = "Standard request headers for the second destination, `key=value,key2=value2` (values URL-encoded), e.g. Grafana Cloud's `Authorization=Basic%20…`.",
        [ConfigurationKeys.OtlpMetricsHeaders] = "The per-signal form of the headers; wins over `OTEL_EXPORTER_OTLP_HEADERS`.",
    };

    private static readonly string[] Probes = ["", "nonsense", "0", "-1", "99999999999", "http://"];

    public static IReadOnlyList<string> Keys() =>
        [.. typeof(ConfigurationKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetValue(null)!)];

    public static string Write()
    {
        var command = new CollectorCommand();
        var options = OptionsByKey(command);
        var sb = new StringBuilder();
        sb.Append("# Configuration reference: the agent (collector)\n\n");
        sb.Append("Generated from `src/Collector/Configuration` (`ConfigurationKeys`, the `--help` text of `CollectorCommand`, and the\n");
        sb.Append("problems `OptionsReader` reports for bad values) by `tests/Collector.Tests/Docs/AgentConfigurationWriter.cs`; a test fails\n");
        sb.Append("when a key in the code is missing here (regenerate: `AZLM_UPDATE_GENERATED=1 dotnet test tests/Collector.Tests --filter AgentConfiguration`).\n");
        sb.Append("Keys nest under `Collector` in appsettings.json; in the environment use `__` (`Collector__Interval=5s`); the `OTEL_*`\n");
        sb.Append("variables are the standard OpenTelemetry ones. Later sources win: appsettings.json, environment, command line.\n");
        sb.Append("Durations are written `500ms`, `10s`, `1m`, `1h`. How to set them: [../configuration.md](../configuration.md).\n\n");
        sb.Append("| key | command line | environment | meaning | validation |\n|---|---|---|---|---|\n");
        foreach (var key in Keys())
        {
            var option = options.GetValueOrDefault(key);
            var meaning = option?.Description ?? WithoutOption.GetValueOrDefault(key) ?? throw new InvalidOperationException($"{key} has no command-line option and no entry in WithoutOption");
            var line = option is null ? "–" : $"`{option.Name}`" + (option.Aliases.Count > 0 ? $" (`{string.Join("`, `", option.Aliases)}`)" : string.Empty);
            var environment = key.StartsWith("OTEL_", StringComparison.Ordinal) ? $"`{key}`" : $"`{key.Replace(":", "__", StringComparison.Ordinal)}`";
            sb.Append(CultureInfo.InvariantCulture, $"| `{key}` | {line} | {environment} | {Cell(meaning)} | {Cell(Validation(key))} |\n");
        }

        return sb.ToString();
    }

    /// <summary>Which key each command-line option sets: parse the option alone and see what <see cref="CollectorCommand.ToConfiguration"/> yields.</summary>
    private static Dictionary<string, Option> OptionsByKey(CollectorCommand command)
    {
        var map = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var option in command.Root.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name is not ("--help" or "--version")))
        {
            string[] args = option.ValueType == typeof(bool) ? [option.Name] : [option.Name, option.Name == "--peer" ? "storage=10.0.0.2" : "x"];
            foreach (var key in command.ToConfiguration(command.Root.Parse(args)).Keys)
            {
                var bare = key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key; // Collector:Peers:0 → Collector:Peers
                map.TryAdd(bare, option);
            }
        }

        return map;
    }

    /// <summary>The problems <see cref="OptionsReader"/> adds for bad values of one key (the value given left out).</summary>
    private static string Validation(string key)
    {
        var spool = Directory.CreateTempSubdirectory("azlm-doc-spool-").FullName;
        var baseline = Problems(key, null, spool);
        var messages = new List<string>();
        foreach (var probe in Probes)
        {
            foreach (var problem in Problems(key, probe, spool).Except(baseline))
            {
                // Quoted parts are the value given or a path of this machine: left out, so the page is the same everywhere.
                var text = Quoted().Replace(problem, string.Empty);
                if (!messages.Contains(text, StringComparer.Ordinal))
                {
                    messages.Add(text);
                }
            }
        }

        return messages.Count == 0 ? "–" : string.Join(" ", messages);
    }

    private static List<string> Problems(string key, string? value, string spool)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [ConfigurationKeys.Source] = "simulated",
            [ConfigurationKeys.Spool] = spool,
            [ConfigurationKeys.Node] = "node-1",
        };
        if (value is not null)
        {
            values[key == ConfigurationKeys.Peers ? key + ":0" : key] = value;
        }

        try
        {
            OptionsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
            return [];
        }
        catch (OptionsException ex)
        {
            return [.. ex.Problems];
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s?'[^']*'", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Quoted();

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
