using System.Text.RegularExpressions;
using AzLocalMonitor.Collector.Sources.Windows.Cim;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>
/// Every WQL query in the Windows source code (any string literal that starts with SELECT) names only classes and
/// properties that exist in cim-schema.json: WMI refuses a whole query that names one missing property, which is how
/// IsCoreGroup silenced every cluster fact.
/// </summary>
public partial class WqlSchemaTests
{
    public static TheoryData<string, string> Queries()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.WindowsSource, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (Match match in SelectLiteral().Matches(File.ReadAllText(file)))
            {
                data.Add(Path.GetFileName(file), match.Groups["wql"].Value);
            }
        }

        return data;
    }

    [Fact]
    public void TheSourceHasQueries_SoTheTheoryBelowIsNotVacuous() =>
        Assert.True(Queries().Count >= 15, $"only {Queries().Count} WQL literals found under {RepoPaths.WindowsSource}");

    [Theory]
    [MemberData(nameof(Queries))]
    public void EveryNamedPropertyExistsInTheClass(string file, string wql)
    {
        var schema = CimSchema.Load();
        var query = WqlQuery.Parse(wql);

        Assert.True(schema.HasClass(query.ClassName), $"{file}: class {query.ClassName} is not in cim-schema.json ({wql})");
        var missing = query.Named.Where(p => schema.TypeOf(query.ClassName, p) is null).ToList();
        Assert.True(missing.Count == 0, $"{file}: {query.ClassName} has no {string.Join(", ", missing)} ({wql})");
    }

    [Fact]
    public void TheCheckRejectsIsCoreGroup_ThePropertyPowerShellShowsButWmiLacks()
    {
        var schema = CimSchema.Load();

        Assert.Null(schema.TypeOf("MSCluster_ResourceGroup", "IsCoreGroup"));
        Assert.Equal("boolean", schema.TypeOf("MSCluster_ResourceGroup", "IsCore"));
    }

    [Theory]
    [InlineData("SELECT Name, State FROM MSCluster_Node", "MSCluster_Node", "Name,State", "")]
    [InlineData("select * from MSFT_StorageFaultEvent", "MSFT_StorageFaultEvent", "", "")]
    [InlineData("SELECT Name FROM MSCluster_Resource WHERE Type = 'Cloud Witness' OR State <> 2", "MSCluster_Resource", "Name", "Type,State")]
    [InlineData("SELECT ObjectId FROM MSFT_StorageSubSystem WHERE FriendlyName LIKE 'Clus%'", "MSFT_StorageSubSystem", "ObjectId", "FriendlyName")]
    public void WqlQuery_ParsesClassSelectionAndComparedProperties(string wql, string cls, string selected, string compared)
    {
        var query = WqlQuery.Parse(wql);

        Assert.Equal(cls, query.ClassName);
        Assert.Equal(selected, string.Join(",", query.Properties));
        Assert.Equal(compared, string.Join(",", query.WhereProperties));
    }

    [GeneratedRegex("\"(?<wql>SELECT\\s[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex SelectLiteral();
}
