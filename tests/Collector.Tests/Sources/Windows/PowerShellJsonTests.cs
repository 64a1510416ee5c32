using AzLocalMonitor.Collector.Sources.Windows.Capture;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>The shapes Windows PowerShell 5.1's ConvertTo-Json gives CIM instances.</summary>
public class PowerShellJsonTests
{
    [Fact]
    public void SingleObjectOrArray_BookkeepingDropped_NumbersArraysAndNestedInstances()
    {
        const string json = """
            {
                "Name":  "contoso-n01",
                "State":  4294967295,
                "Size":  30721292230656,
                "OperationalStatus":  [ 2, 53250 ],
                "StorageNode":  { "ObjectId":  "{1}\\\\x", "CimClass":  "ROOT/Microsoft/Windows/Storage:MSFT_StorageNode" },
                "PSComputerName":  null,
                "CimClass":  { "CimSuperClassName":  "CIM_ManagedElement" },
                "CimInstanceProperties":  [ "Name = \"contoso-n01\"" ],
                "CimSystemProperties":  { "Namespace":  "root/MSCluster", "ServerName":  "CONTOSO-N01" }
            }
            """;

        var row = Assert.Single(PowerShellJson.Rows(json));

        Assert.Equal(["Name", "State", "Size", "OperationalStatus", "StorageNode"], row.Names);
        Assert.Equal(-1, row.Int("State"));
        Assert.Equal(30721292230656, row.Long("Size"));
        Assert.Equal([2, 53250], row.Ints("OperationalStatus"));
        Assert.Equal("{1}\\\\x", row.Nested("StorageNode")!.Text("ObjectId"));
        Assert.Equal(2, PowerShellJson.Rows("[" + json + "," + json + "]").Count);
        Assert.Empty(PowerShellJson.Rows(""));
    }

    [Fact]
    public void Date_WindowsPowerShellFormat()
    {
        // "\/Date(1764672000000)\/" in the file; the JSON string value is "/Date(1764672000000)/".
        var row = Assert.Single(PowerShellJson.Rows("{ \"capturedAt\": \"\\/Date(1764672000000)\\/\" }"));

        Assert.Equal(new DateTimeOffset(2025, 12, 2, 10, 40, 0, TimeSpan.Zero), PowerShellJson.Date(row.Text("capturedAt")));
    }
}
