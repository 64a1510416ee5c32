namespace AzLocalMonitor.Collector.Sources.Windows.Cim;

/// <summary>The CIM namespaces the agent reads (forward slashes, as Get-CimInstance -Namespace accepts them).</summary>
internal static class CimNamespaces
{
    public const string Cluster = "root/MSCluster";
    public const string Storage = "root/Microsoft/Windows/Storage";
    public const string Virtualization = "root/virtualization/v2";
    public const string Cimv2 = "root/cimv2";
    public const string StandardCimv2 = "root/StandardCimv2";
    public const string StorageReplica = "root/Microsoft/Windows/StorageReplica";

    /// <summary>The capture folder of a namespace: <c>root/MSCluster</c> → <c>root_MSCluster</c>.</summary>
    public static string FolderName(string cimNamespace) => cimNamespace.Replace('/', '_').Replace('\\', '_');
}
