namespace AzLocalMonitor.Collector.Sources.Windows.Cim;

/// <summary>Runs a WQL query in a CIM namespace: WMI on a node, or a capture folder replayed anywhere.</summary>
internal interface ICimQuery
{
    /// <param name="cimNamespace">With forward slashes, e.g. <c>root/MSCluster</c>.</param>
    /// <exception cref="CimQueryException">The namespace, the class or a named property does not exist, or the provider failed.</exception>
    IReadOnlyList<CimRow> Query(string cimNamespace, string wql);
}
