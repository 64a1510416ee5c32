using System.Globalization;
using System.Management.Automation.Language;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Capture;
using AzLocalMonitor.Collector.Sources.Windows.Cim;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>
/// Runs deploy/windows/Save-AzLocalCapture.ps1 in a real PowerShell runspace, under Set-StrictMode -Version Latest,
/// with stand-in Get-CimInstance / Get-Counter / Get-HealthFault / Invoke-CimMethod that return the objects of a
/// fixture folder: it must write exactly the layout the agent replays, and replaying what it wrote must export the
/// same catalog points as replaying the fixture.
/// </summary>
public sealed class SaveAzLocalCaptureTests : IDisposable
{
    // Functions win over cmdlets of the same name in PowerShell's command lookup.
    private const string StandIns = """
        Set-StrictMode -Version Latest
        function Read-Fixture([string] $Path) { if (Test-Path -LiteralPath $Path) { Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json } }
        function Get-CimInstance {
            [CmdletBinding()] param([string] $Namespace, [string] $ClassName, [string] $Filter)
            $file = Join-Path (Join-Path (Join-Path $Fixture 'cim') ($Namespace -replace '[/\\]', '_')) "$ClassName.json"
            if (-not (Test-Path -LiteralPath $file)) { throw "Invalid class $ClassName in $Namespace" }
            foreach ($item in @(Read-Fixture $file)) { $item }
        }
        function Get-Counter {
            [CmdletBinding()] param([string[]] $Counter)
            $global:CountersAsked = $Counter
            [pscustomobject]@{ CounterSamples = @(Read-Fixture (Join-Path $Fixture 'counters.json')) }
        }
        function Get-HealthFault {
            [CmdletBinding()] param()
            $failed = Read-Fixture (Join-Path $Fixture 'healthfaults.error.json')
            if ($null -ne $failed) { throw $failed.message }
            foreach ($item in @(Read-Fixture (Join-Path $Fixture 'healthfaults.json'))) { $item }
        }
        function Invoke-CimMethod {
            [CmdletBinding()] param([object] $InputObject, [string] $MethodName)
            [pscustomobject]@{ ReturnValue = (Read-Fixture (Join-Path $Fixture 'healthfaults.error.json')).returnValue }
        }
        """;

    private readonly string _output = Path.Combine(Path.GetTempPath(), "azlm-capture-" + Guid.NewGuid().ToString("N"));
    private readonly string? _computerName = Environment.GetEnvironmentVariable("COMPUTERNAME");

    public static TheoryData<string> Fixtures() =>
        [Captures.AllFlashHealthy, Captures.HybridWitnessFailed, Captures.NodeDown, Captures.UnknownStates, Captures.ClusterUnreachable, Captures.StretchedReplication];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void WritesTheLayoutTheAgentReplays_AndReplaysToTheSamePoints(string fixture)
    {
        var source = Captures.PathOf(fixture);
        Environment.SetEnvironmentVariable("COMPUTERNAME", new CaptureFolder(source).ComputerName);

        PowerShellHost.Run(
            StandIns + $"\n& '{Script}' -OutputPath $Output -NoZip | Out-Null",
            new Dictionary<string, object?> { ["Fixture"] = source, ["Output"] = _output });

        Assert.Equal(Layout(source), Layout(_output));
        Assert.Equal(Render(Captures.Replay(fixture)), Render(new WindowsCaptureSource(new CaptureFolder(_output)).Read()));
    }

    [Fact]
    public void RedactsCredentialsInResourcePrivateProperties_KeepsWhatTheAgentReads()
    {
        // A cloud witness's private properties as ConvertTo-Json renders the embedded MSCluster_Property instance: its
        // values as properties, and again in CimInstanceProperties. PrimaryToken is the storage key Set-ClusterQuorum
        // -CloudWitness -AccessKey stores; whether WMI returns it is not documented, so the script must not rely on it.
        const string Secret = "c2VjcmV0LXN0b3JhZ2Uta2V5LWZvci10ZXN0cw==";
        var fixture = Path.Combine(_output + "-fixture");
        CopyFolder(Captures.PathOf(Captures.HybridWitnessFailed), fixture);
        var resources = Path.Combine(fixture, "cim", "root_MSCluster", "MSCluster_Resource.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(resources))!.AsArray();
        var witness = json.Single(r => (string?)r!["Type"] == "Cloud Witness")!;
        witness["PrivateProperties"] = System.Text.Json.Nodes.JsonNode.Parse($$"""
            {
              "AccountName": "azlmwitness", "EndpointInfo": "core.windows.net", "PrimaryToken": "{{Secret}}", "SasToken": "sv=2024&sig={{Secret}}",
              "CimClass": { "CimClassName": "MSCluster_Property" },
              "CimInstanceProperties": [
                { "Name": "AccountName", "Value": "azlmwitness", "CimType": 14, "Flags": "Property, NotModified", "IsValueModified": false },
                { "Name": "PrimaryToken", "Value": "{{Secret}}", "CimType": 14, "Flags": "Property, NotModified", "IsValueModified": false }
              ]
            }
            """);
        File.WriteAllText(resources, json.ToJsonString());
        Environment.SetEnvironmentVariable("COMPUTERNAME", new CaptureFolder(fixture).ComputerName);

        try
        {
            PowerShellHost.Run(
                StandIns + $"\n& '{Script}' -OutputPath $Output -NoZip | Out-Null",
                new Dictionary<string, object?> { ["Fixture"] = fixture, ["Output"] = _output });
        }
        finally
        {
            Directory.Delete(fixture, recursive: true);
        }

        var written = File.ReadAllText(Path.Combine(_output, "cim", "root_MSCluster", "MSCluster_Resource.json"));
        Assert.DoesNotContain(Secret, written, StringComparison.Ordinal);
        var saved = System.Text.Json.Nodes.JsonNode.Parse(written)!.AsArray().Single(r => (string?)r!["Type"] == "Cloud Witness")!["PrivateProperties"]!;
        Assert.Equal("azlmwitness", (string?)saved["AccountName"]);
        Assert.Equal("core.windows.net", (string?)saved["EndpointInfo"]);
        Assert.Equal("(redacted)", (string?)saved["PrimaryToken"]);
        Assert.Equal("(redacted)", (string?)saved["CimInstanceProperties"]![1]!["Value"]);
        Assert.Equal("azlmwitness", (string?)saved["CimInstanceProperties"]![0]!["Value"]);
    }

    [Fact]
    public void CapturesEveryClassTheAgentQueries_AndNoOther()
    {
        var schema = CimSchema.Load();
        var agent = typeof(WqlQueries).GetFields().Select(f => WqlQuery.Parse((string)f.GetRawConstantValue()!).ClassName)
            .Where(c => c != "MSFT_StorageFaultEvent") // an event subscription: nothing to capture
            .Select(c => (schema.Namespace(c), c)).ToHashSet();
        var script = ScriptArray("CimClasses").Select(entry =>
        {
            var pairs = ((HashtableAst)entry).KeyValuePairs.ToDictionary(p => p.Item1.Extent.Text, p => ((StringConstantExpressionAst)((PipelineAst)p.Item2).PipelineElements[0].Find(a => a is StringConstantExpressionAst, true)!).Value);
            return (pairs["Namespace"], pairs["ClassName"]);
        }).ToHashSet();

        Assert.Equal(agent.Order(), script.Order());
    }

    [Fact]
    public void RecordsEveryCounterPathTheAgentMaps()
    {
        var script = ScriptArray("CounterPaths").Select(e => ((StringConstantExpressionAst)e).Value);

        Assert.Equal(CounterNames.CapturePaths, script);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("COMPUTERNAME", _computerName);
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static string Script => Path.Combine(RepoPaths.DeployWindows, "Save-AzLocalCapture.ps1");

    private static IEnumerable<ExpressionAst> ScriptArray(string variable)
    {
        var ast = Parser.ParseFile(Script, out _, out _);
        var assignment = (AssignmentStatementAst)ast.Find(a => a is AssignmentStatementAst s && s.Left.Extent.Text == "$" + variable, false)!;
        var array = (ArrayExpressionAst)assignment.Right.Find(a => a is ArrayExpressionAst, true)!;
        return array.SubExpression.Statements.OfType<PipelineAst>()
            .SelectMany(p => p.PipelineElements[0].Find(a => a is ArrayLiteralAst, true) is ArrayLiteralAst list ? list.Elements : [((CommandExpressionAst)p.PipelineElements[0]).Expression]);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static List<string> Layout(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != "README.md")
            .Order(StringComparer.Ordinal)];

    private static List<string> Render(ClusterReading reading) =>
        [.. CatalogPoint.Of(reading)
            .Select(p => p.Instrument + "{" + string.Join(",", p.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value)) + "} "
                + p.Value.ToString("R", CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal)];
}
