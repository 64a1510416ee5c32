using AzLocalMonitor.Collector.Sources.Windows.Cim;

namespace AzLocalMonitor.Collector.Sources.Windows.Capture;

/// <summary>
/// Answers WQL from a capture folder's <c>cim/&lt;namespace&gt;/&lt;Class&gt;.json</c> as WMI would: a missing file is a
/// namespace or class this node does not have, a named property the captured instances lack is an invalid query
/// (WMI refuses the whole query), and only the selected properties come back. WHERE is not evaluated: the
/// reader filters in code as well.
/// </summary>
internal sealed class CaptureCimQuery : ICimQuery
{
    private readonly string _cimFolder;

    public CaptureCimQuery(string captureFolder) => _cimFolder = Path.Combine(captureFolder, "cim");

    public IReadOnlyList<CimRow> Query(string cimNamespace, string wql)
    {
        var query = WqlQuery.Parse(wql);
        var file = Path.Combine(_cimFolder, CimNamespaces.FolderName(cimNamespace), query.ClassName + ".json");
        if (!File.Exists(file))
        {
            throw new CimQueryException($"{cimNamespace}: {query.ClassName} was not captured (invalid namespace or class on that node)");
        }

        var rows = PowerShellJson.Rows(File.ReadAllText(file));
        if (rows.Count > 0 && query.Named.FirstOrDefault(p => !rows[0].Has(p)) is { } missing)
        {
            throw new CimQueryException($"{cimNamespace}: {wql}: invalid query ({query.ClassName} has no property {missing})");
        }

        return query.Properties.Count == 0
            ? rows
            : [.. rows.Select(r => new CimRow(query.Properties.Select(p => KeyValuePair.Create(p, r.Get(p)))))];
    }
}
