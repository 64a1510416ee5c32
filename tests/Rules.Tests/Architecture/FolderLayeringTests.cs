using System.Text.RegularExpressions;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Architecture;

/// <summary>
/// The folders of src/Rules follow the data flow (collector → Ingest → Series → Alerting → Muting → Notify, and
/// Series → History → Capacity): a folder's code may use only folders downstream of it, never back. Read from the
/// source's <c>using</c> directives and fully qualified names, so a new back edge fails here with its file.
/// </summary>
public partial class FolderLayeringTests
{
    [Fact]
    public void NoCyclesBetweenFolders()
    {
        var edges = Edges();
        var cycles = new List<string>();
        foreach (var (from, targets) in edges)
        {
            foreach (var (to, file) in targets)
            {
                if (Reaches(edges, to, from, [from]) is { } path)
                {
                    cycles.Add($"{from} → {to} ({file}) and back: {string.Join(" → ", path)}");
                }
            }
        }

        Assert.True(cycles.Count == 0, "folder cycles:\n" + string.Join('\n', cycles.Distinct()));
    }

    [Fact]
    public void TheSampleWalksStraightThrough_IngestSeriesAlertingMutingNotify()
    {
        var edges = Edges();
        bool Uses(string a, string b) => edges.TryGetValue(a, out var t) && t.ContainsKey(b);

        Assert.True(Uses("Ingest", "Series") && Uses("Ingest", "Alerting"), "Ingest stores into Series and asks Alerting to evaluate");
        Assert.True(Uses("Alerting", "Muting") && Uses("Alerting", "Notify"), "Alerting mutes, then hands over to Notify");
        foreach (var (downstream, upstream) in new[] { ("Series", "Alerting"), ("Muting", "Alerting"), ("Notify", "Alerting"), ("Alerting", "Ingest"), ("Series", "Ingest") })
        {
            Assert.False(Uses(downstream, upstream), $"{downstream} must not use {upstream}: {(edges.TryGetValue(downstream, out var t) && t.TryGetValue(upstream, out var f) ? f : string.Empty)}");
        }
    }

    /// <summary>Folder → (folder it uses → one file that does).</summary>
    private static Dictionary<string, Dictionary<string, string>> Edges()
    {
        var root = Path.Combine(RepoRoot.Path, "src", "Rules");
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            var from = relative.Split(Path.DirectorySeparatorChar)[0];
            if (!folders.Contains(from))
            {
                continue; // Program.cs, RulesApp.cs: the composition root may use everything
            }

            foreach (Match m in Reference().Matches(File.ReadAllText(file)))
            {
                var to = m.Groups[1].Value;
                if (to != from && folders.Contains(to))
                {
                    if (!edges.TryGetValue(from, out var targets))
                    {
                        edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
                    }

                    targets.TryAdd(to, relative);
                }
            }
        }

        return edges;
    }

    private static List<string>? Reaches(Dictionary<string, Dictionary<string, string>> edges, string from, string target, List<string> path)
    {
        if (from == target)
        {
            return [.. path, from];
        }

        if (path.Contains(from) || !edges.TryGetValue(from, out var next))
        {
            return null;
        }

        foreach (var to in next.Keys)
        {
            if (Reaches(edges, to, target, [.. path, from]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    [GeneratedRegex(@"AzLocalMonitor\.Rules\.([A-Za-z]+)\b")]
    private static partial Regex Reference();
}
