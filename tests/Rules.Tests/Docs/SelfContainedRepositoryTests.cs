using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Docs;

/// <summary>
/// The repository stands on its own: no file points at the specification folder that lived beside it during
/// development (a clone has no such folder). Users' documentation is in docs/. Every text file is read, outside
/// .git, node_modules, bin, obj and the demo's and tests' run folders.
/// </summary>
public class SelfContainedRepositoryTests
{
    private static readonly string[] SkippedFolders = [".git", "node_modules", "bin", "obj", ".demo", "artifacts", "TestResults"];

    // Spelled in pieces so that this file does not find itself.
    private static readonly string[] Forbidden = ["../" + "shared", "/work/" + "shared", "shared/" + "docs", "shared/" + "seeds"];

    private const string Specification = "PRODUCT" + ".md";

    private static readonly string[] PendingElsewhere = []; // every folder is held to the rule now (issue 16 merged)

    [Fact]
    public void NoFile_PointsOutsideTheRepository()
    {
        var hits = TextFiles().SelectMany(f => Forbidden.Where(s => f.Text.Contains(s, StringComparison.Ordinal)).Select(s => $"{f.Path}: {s}")).ToList();

        Assert.True(hits.Count == 0, "files pointing outside the repository:\n" + string.Join('\n', hits));
    }

    [Fact]
    public void NoFile_SendsUsersToTheOldSpecification()
    {
        var hits = TextFiles()
            .Where(f => !PendingElsewhere.Any(p => f.Path.StartsWith(p, StringComparison.Ordinal)) && f.Text.Contains(Specification, StringComparison.Ordinal))
            .Select(f => f.Path)
            .ToList();

        Assert.True(hits.Count == 0, $"files citing {Specification} (point at docs/ instead):\n" + string.Join('\n', hits));
    }

    [Fact]
    public void TheScan_ReadsTheRepository()
    {
        // A scan that reads nothing would pass anything.
        var paths = TextFiles().Select(f => f.Path).ToList();

        Assert.Contains("README.md", paths);
        Assert.Contains(Path.Combine("docs", "operations.md"), paths);
        Assert.Contains(Path.Combine("src", "Rules", "RulesApp.cs"), paths);
        Assert.Contains(Path.Combine("deploy", "alertmanager", "alertmanager.yml"), paths);
    }

    private static IEnumerable<(string Path, string Text)> TextFiles()
    {
        var root = RepoRoot.Path;
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(directory).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
            {
                pending.Push(sub);
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length > 0 && !bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).Contains((byte)0)) // binary files hold NUL bytes
                {
                    yield return (Path.GetRelativePath(root, file), System.Text.Encoding.UTF8.GetString(bytes));
                }
            }
        }
    }
}
