using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Cim;
using AzLocalMonitor.Collector.Sources.Windows.Probes;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows.Probes;

/// <summary>
/// The witness's endpoint from its documented private properties: Cloud Witness AccountName and EndPointInfo
/// (MicrosoftDocs/win32 desktop-src/MsCS/cloud-witness-private-properties.md), File Share Witness SharePath (File
/// Share Quorum Witness private properties). The cloud witness talks HTTPS (443) to the storage account's blob
/// service, <c>&lt;account&gt;.blob.core.windows.net</c> in public Azure (learn.microsoft.com windows-server
/// failover-clustering deploy-cloud-witness; Azure Storage endpoint format); the share path <c>\\fileserver\fsw</c> is
/// Set-ClusterQuorum's example 3 (windows-powershell-docs FailoverClusters/Set-ClusterQuorum.md). Account names are ours.
/// </summary>
public class WitnessTargetTests
{
    [Theory]
    [InlineData("contosowitness", "core.windows.net", "contosowitness.blob.core.windows.net")]
    [InlineData("contosowitness", null, "contosowitness.blob.core.windows.net")] // no -Endpoint: public Azure
    [InlineData("ContosoWitness", "core.chinacloudapi.cn", "contosowitness.blob.core.chinacloudapi.cn")]
    public void CloudWitness_TimesTheStorageAccountsBlobEndpointOnHttps(string account, string? endpoint, string host) =>
        Assert.Equal(new ProbeTarget(host, 443), WitnessTarget.Of(new ClusterResourceRecord { Type = "Cloud Witness", AccountName = account, EndpointInfo = endpoint }));

    [Fact]
    public void CloudWitness_WithoutAnAccount_HasNoTarget() =>
        Assert.Null(WitnessTarget.Of(new ClusterResourceRecord { Type = "Cloud Witness", EndpointInfo = "core.windows.net" }));

    [Theory]
    [InlineData(@"\\fileserver\fsw", "fileserver")]
    [InlineData(@"\\fs01.contoso.lab\witness$\cluster", "fs01.contoso.lab")]
    [InlineData("//fileserver/fsw", "fileserver")]
    public void FileShareWitness_TimesTheSharesServerOnSmb(string sharePath, string host) =>
        Assert.Equal(new ProbeTarget(host, 445), WitnessTarget.Of(new ClusterResourceRecord { Type = "File Share Witness", SharePath = sharePath }));

    /// <summary>
    /// A real capture: a File Share Witness on a Windows Server 2025 lab cluster, read through CIM (dbatools
    /// Get-DbaWsfcResource enumerates root\MSCluster MSCluster_Resource) and shown with
    /// <c>Where-Object Type -eq "File Share Witness" | Select-Object -ExpandProperty PrivateProperties</c>:
    /// ArbitrationDelay 6, ImpersonateCNO 1, Password (blank), SharePath \\sql01\dbatoolsci_fsw, UserName (blank)
    /// (github.com/dataplat/dbatools issue 10573, comment of 2026-08-20). It confirms the resource's Type string and that
    /// the share is the embedded object's SharePath; it was a whole-class enumeration, not our projected WQL query.
    /// </summary>
    [Fact]
    public void FileShareWitness_PrivatePropertiesAsCapturedOnWindowsServer2025_TimesTheSharesServer()
    {
        var privateProperties = new CimRow(new Dictionary<string, object?>
        {
            ["ArbitrationDelay"] = 6L,
            ["ImpersonateCNO"] = 1L,
            ["Password"] = string.Empty,
            ["SharePath"] = @"\\sql01\dbatoolsci_fsw",
            ["UserName"] = string.Empty,
        });
        var witness = CimRecords.WithEndpoint(
            new ClusterResourceRecord { Name = "File Share Witness", Type = "File Share Witness", State = 2 },
            new CimRow(new Dictionary<string, object?> { ["Name"] = "File Share Witness", ["PrivateProperties"] = privateProperties }));

        Assert.Equal(@"\\sql01\dbatoolsci_fsw", witness.SharePath);
        Assert.Null(witness.AccountName);
        Assert.Equal(new ProbeTarget("sql01", 445), WitnessTarget.Of(witness));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(@"C:\fsw")]
    [InlineData(@"\\")]
    public void FileShareWitness_WithoutAUncPath_HasNoTarget(string? sharePath) =>
        Assert.Null(WitnessTarget.Of(new ClusterResourceRecord { Type = "File Share Witness", SharePath = sharePath }));
}
