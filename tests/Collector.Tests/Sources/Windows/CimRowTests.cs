using AzLocalMonitor.Collector.Sources.Windows.Cim;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

public class CimRowTests
{
    private static CimRow Row(params (string Name, object? Value)[] values) => new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    [Theory]
    [InlineData(4294967295L, -1)] // uint32 -1: MSCluster_Node.State Unknown (CLUSTER_NODE_STATE -1)
    [InlineData(4294967294L, -2)]
    [InlineData(2147483648L, int.MinValue)]
    [InlineData(3L, 3)]
    public void Int_WrapsUint32LikeACast_InsteadOfOverflowing(long stored, int expected) =>
        Assert.Equal(expected, Row(("State", stored)).Int("State"));

    [Fact]
    public void Int_MissingOrNull_IsTheFallback()
    {
        Assert.Equal(-1, Row().Int("State", -1));
        Assert.Equal(5, Row(("HealthStatus", null)).Int("HealthStatus", 5));
    }

    [Fact]
    public void NamesAreCaseInsensitive_AndArraysReadAsInts()
    {
        var row = Row(("OperationalStatus", new List<object?> { 2L, 53250L }));

        Assert.Equal([2, 0xD002], row.Ints("operationalstatus"));
    }

    [Fact]
    public void CimReference_ObjectPathBecomesARowOfItsKeys()
    {
        // Key values are escaped as WMI writes them: backslashes and quotes doubled/escaped inside the quotes.
        var row = CimReference.Parse("\\\\NODE1\\root\\Microsoft\\Windows\\Storage:MSFT_PhysicalDisk.ObjectId=\"{1}\\\\\\\\NODE1\\\\root/Microsoft/Windows/Storage/Providers_v2\\\\SPACES_PhysicalDisk.ObjectId=\\\"{abc}:PD:{def}\\\"\"");

        Assert.Equal("{1}\\\\NODE1\\root/Microsoft/Windows/Storage/Providers_v2\\SPACES_PhysicalDisk.ObjectId=\"{abc}:PD:{def}\"", row.Text("ObjectId"));
    }
}
