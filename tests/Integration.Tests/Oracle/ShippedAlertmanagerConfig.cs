using System.Text.RegularExpressions;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Oracle;

/// <summary>
/// The shipped <c>deploy/alertmanager/alertmanager.yml</c> for a test run: routing, grouping and inhibition as shipped;
/// the webhook URLs re-pointed at a <see cref="WebhookSink"/>; and, for test time only, the chat and log routes'
/// <c>group_wait</c> (30 s, 1 min) down to the pager's 5 s, and every <c>group_interval</c> down to 10 s, so a
/// warning of a 20 s outage reaches chat, and a second notification of an already notified group (a re-page) shows
/// within the run instead of minutes later. Every change is listed in <see cref="Changes"/>, for the report.
/// </summary>
public sealed partial class ShippedAlertmanagerConfig
{
    public const string ShortGroupWait = "5s";
    public const string ShortGroupInterval = "10s";

    private ShippedAlertmanagerConfig(string text, IReadOnlyList<string> changes)
    {
        Text = text;
        Changes = changes;
    }

    public static string ShippedPath => Path.Combine(Binaries.RepositoryRoot, "deploy", "alertmanager", "alertmanager.yml");

    public string Text { get; }

    public IReadOnlyList<string> Changes { get; }

    public static ShippedAlertmanagerConfig For(Uri sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var changes = new List<string>();
        var lines = File.ReadAllLines(ShippedPath);
        string? route = null;
        var urls = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (RouteReceiver().Match(line) is { Success: true } r)
            {
                route = r.Groups[1].Value;
            }
            else if (line.StartsWith("inhibit_rules:", StringComparison.Ordinal) || line.StartsWith("receivers:", StringComparison.Ordinal))
            {
                route = null;
            }

            if (WebhookUrl().Match(line) is { Success: true } u)
            {
                lines[i] = line[..u.Groups[1].Index] + new Uri(sink, "hooks/" + u.Groups[2].Value) + line[(u.Groups[1].Index + u.Groups[1].Length)..];
                urls++;
            }
            else if (route is "chat" or "log" && Setting("group_wait").Match(line) is { Success: true } w)
            {
                lines[i] = Replace(line, w, ShortGroupWait, $"{route} route group_wait", changes);
            }
            else if (Setting("group_interval").Match(line) is { Success: true } g)
            {
                lines[i] = Replace(line, g, ShortGroupInterval, $"{route ?? "top-level"} route group_interval", changes);
            }
        }

        if (urls != 3 || changes.Count != 6)
        {
            throw new InvalidOperationException($"{ShippedPath} no longer has the expected shape (3 webhook URLs, 2 group_wait + 4 group_interval to shorten); found {urls} URLs and changes [{string.Join("; ", changes)}].");
        }

        changes.Insert(0, "webhook receiver URLs: the placeholders https://replace-me.invalid/hooks/{pager,chat,log} → the test's sink, http://127.0.0.1:<free port>/hooks/{pager,chat,log}");
        return new ShippedAlertmanagerConfig(string.Join('\n', lines) + "\n", changes);
    }

    private static string Replace(string line, Match m, string value, string what, List<string> changes)
    {
        changes.Add($"{what}: {m.Groups[2].Value} → {value}");
        return line[..m.Groups[2].Index] + value + line[(m.Groups[2].Index + m.Groups[2].Length)..];
    }

    private static Regex Setting(string name) => new($@"^(\s+{name}:\s*)(\S+)", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^\s+- receiver: (\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex RouteReceiver();

    [GeneratedRegex(@"url: (https://replace-me\.invalid/hooks/(\w+))", RegexOptions.CultureInvariant)]
    private static partial Regex WebhookUrl();
}
