using AzLocalMonitor.Dashboard.Generation;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Dashboard.Tests.Generation;

public class ProvisioningFilesTests
{
    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlNode node, params string[] path) =>
        ((YamlScalarNode)path.Aggregate(node, (n, key) => ((YamlMappingNode)n)[key])).Value!;

    [Fact]
    public void Datasource_IsThePrometheusOnLoopback()
    {
        var datasource = ((YamlSequenceNode)Parse(ProvisioningFiles.Datasources())["datasources"])[0];

        Assert.Equal("prometheus", Scalar(datasource, "type"));
        Assert.Equal("http://127.0.0.1:9090", Scalar(datasource, "url"));
        Assert.Equal(ProvisioningFiles.DatasourceUid, Scalar(datasource, "uid"));
    }

    [Fact]
    public void DashboardProvider_ReadsFilesFromTheConfiguredDirectory()
    {
        var provider = ((YamlSequenceNode)Parse(ProvisioningFiles.Dashboards())["providers"])[0];

        Assert.Equal("file", Scalar(provider, "type"));
        Assert.Equal("${AZLM_DASHBOARDS_DIR}", Scalar(provider, "options", "path"));
    }
}
