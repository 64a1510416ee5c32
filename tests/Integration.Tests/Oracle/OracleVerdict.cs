namespace AzLocalMonitor.Integration.Tests.Oracle;

/// <summary>
/// What reached the sink for one oracle row, against its expectations. A page is a pager group opening: the first
/// firing notification of an Alertmanager group (here alertname + cluster) that is not already open — the unit a
/// paging service raises an incident for. A group that resolves and fires again pages again.
/// </summary>
public sealed record OracleVerdict(
    OracleScenario Row,
    IReadOnlyList<string> Pages,
    IReadOnlyList<string> Chat,
    IReadOnlyList<string> Log,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> Extra)
{
    public bool Passed => Missed.Count == 0 && Extra.Count == 0;

    /// <summary>Missed pages (the pager receiver only).</summary>
    public int PagesMissed => Missed.Count(m => m.StartsWith("page ", StringComparison.Ordinal));

    /// <summary>Extra pages: unexpected pager openings, openings again, and pages of alerts that must not notify.</summary>
    public int PagesExtra => Extra.Count(e => e.StartsWith("page", StringComparison.Ordinal));

    public static OracleVerdict Judge(OracleScenario row, IReadOnlyList<WebhookNotification> received)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(received);
        var mine = received.Where(n => n.Alerts.Any(a => a.Cluster == row.Cluster)).ToList();
        var pages = PageOpenings(mine.Where(n => n.Receiver == "pager"));
        var chat = FiringNames(mine, "chat");
        var log = FiringNames(mine, "log");
        var firing = mine.SelectMany(n => n.Alerts.Where(a => a.IsFiring).Select(a => (n.Receiver, Alert: a))).ToList();

        var missed = new List<string>();
        missed.AddRange(row.Pages.Where(p => !pages.Contains(p)).Select(p => $"page {p}"));
        missed.AddRange(row.Chat.Where(c => !chat.Contains(c)).Select(c => $"chat {c}"));
        missed.AddRange(row.Log.Where(l => !log.Contains(l)).Select(l => $"log {l}"));
        missed.AddRange(row.MustPage.Where(m => !firing.Any(f => f.Receiver == "pager" && m.Matches(f.Alert))).Select(m => $"page {m} ({m.Why})"));
        missed.AddRange(row.MustChat.Where(m => !firing.Any(f => f.Receiver == "chat" && m.Matches(f.Alert))).Select(m => $"chat {m} ({m.Why})"));

        var extra = new List<string>();
        foreach (var group in pages.GroupBy(p => p, StringComparer.Ordinal))
        {
            if (!row.Pages.Contains(group.Key) && !Tolerated(row, "pager", group.Key))
            {
                extra.Add($"page {group.Key}" + (group.Count() > 1 ? $" ×{group.Count()}" : string.Empty));
            }
            else if (group.Count() > 1)
            {
                extra.Add($"page {group.Key} again ({group.Count()} pages for one incident)");
            }
        }

        extra.AddRange(chat.Where(c => !row.Chat.Contains(c) && !Tolerated(row, "chat", c)).Select(c => $"chat {c}"));
        extra.AddRange(log.Where(l => !row.Log.Contains(l) && !Tolerated(row, "log", l)).Select(l => $"log {l}"));
        foreach (var rule in row.MustNotNotify)
        {
            foreach (var (receiver, alert) in firing.Where(f => rule.Matches(f.Alert)).DistinctBy(f => (f.Receiver, Describe(f.Alert))))
            {
                // An alert name already flagged as extra at this receiver is not counted twice.
                var expected = receiver switch { "pager" => row.Pages, "chat" => row.Chat, _ => row.Log };
                var kind = receiver == "pager" ? "page" : receiver;
                if (expected.Contains(alert.Name) || Tolerated(row, receiver, alert.Name))
                {
                    extra.Add($"{kind} {Describe(alert)} (must not: {rule.Why})");
                }
                else
                {
                    var i = extra.FindIndex(e => e.StartsWith($"{kind} {alert.Name}", StringComparison.Ordinal));
                    extra[i] += $" — {Describe(alert)} must not: {rule.Why}";
                }
            }
        }

        return new OracleVerdict(row, pages, chat, log, missed, extra);
    }

    /// <summary>Alert name of each pager group opening, in order (group_by alertname, cluster: one name per group).</summary>
    private static List<string> PageOpenings(IEnumerable<WebhookNotification> pager)
    {
        var open = new Dictionary<string, bool>(StringComparer.Ordinal);
        var openings = new List<string>();
        foreach (var n in pager)
        {
            var firing = n.Alerts.Where(a => a.IsFiring).ToList();
            if (firing.Count > 0 && !open.GetValueOrDefault(n.GroupKey))
            {
                openings.AddRange(firing.Select(a => a.Name).Distinct(StringComparer.Ordinal));
            }

            open[n.GroupKey] = firing.Count > 0;
        }

        return openings;
    }

    private static List<string> FiringNames(IEnumerable<WebhookNotification> notifications, string receiver) =>
        [.. notifications.Where(n => n.Receiver == receiver).SelectMany(n => n.Alerts).Where(a => a.IsFiring).Select(a => a.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static bool Tolerated(OracleScenario row, string receiver, string alert) => row.Tolerated.Any(t => t.Receiver == receiver && t.Alert == alert);

    private static string Describe(NotifiedAlert alert) =>
        alert.Name + "{" + string.Join(", ", alert.Labels.Where(l => l.Key is not ("alertname" or "cluster" or "severity")).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
}
