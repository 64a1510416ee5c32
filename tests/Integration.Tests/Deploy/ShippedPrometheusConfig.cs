using System.Text.RegularExpressions;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Deploy;

/// <summary>
/// A shipped <c>deploy/&lt;folder&gt;/prometheus.yml</c> for a test run, changed only where a test must: the documented
/// loopback ports re-pointed at the test's (9480 → Rules, 9093 → Alertmanager, 9090 → this Prometheus), the token
/// file named by its absolute path, the rules folder copied beside it, and <c>evaluation_interval</c> 15 s → 1 s so
/// rules (where the file loads any) decide within the run. Everything else — what is scraped, which rules are loaded,
/// where alerts go — is as shipped.
/// </summary>
public static partial class ShippedPrometheusConfig
{
    public static async Task<string> WriteAsync(string folder, string directory, int port, string rules, Uri? alertmanager)
    {
        var shipped = Path.Combine(Binaries.RepositoryRoot, "deploy", folder);
        var text = await File.ReadAllTextAsync(Path.Combine(shipped, "prometheus.yml"));
        text = Require(text, "127.0.0.1:9480", rules);
        text = Require(text, "127.0.0.1:9090", $"127.0.0.1:{port}");
        text = Require(text, "evaluation_interval: 15s", "evaluation_interval: 1s");
        if (text.Contains("127.0.0.1:9093", StringComparison.Ordinal))
        {
            text = text.Replace("127.0.0.1:9093", alertmanager?.Authority ?? throw new InvalidOperationException($"{folder}/prometheus.yml sends alerts: give an Alertmanager"), StringComparison.Ordinal);
        }

        text = CredentialsFile().Replace(text, m => m.Groups[1].Value + Path.GetFullPath(Path.Combine(shipped, m.Groups[2].Value)));
        var rulesFolder = Path.Combine(shipped, "rules");
        if (Directory.Exists(rulesFolder))
        {
            Directory.CreateDirectory(Path.Combine(directory, "rules"));
            foreach (var file in Directory.GetFiles(rulesFolder))
            {
                File.Copy(file, Path.Combine(directory, "rules", Path.GetFileName(file)));
            }
        }

        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, text);
        return config;
    }

    private static string Require(string text, string shipped, string test) =>
        text.Contains(shipped, StringComparison.Ordinal)
            ? text.Replace(shipped, test, StringComparison.Ordinal)
            : throw new InvalidOperationException($"the shipped prometheus.yml no longer has '{shipped}': update this test's substitutions");

    [GeneratedRegex(@"(credentials_file:\s*)(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex CredentialsFile();
}
