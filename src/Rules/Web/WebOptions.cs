namespace AzLocalMonitor.Rules.Web;

/// <summary>The web dashboard's settings (configuration section <c>Web</c>).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Base URL of the Grafana that has the AzLocalMonitor dashboards (dashboards/*.json), e.g.
    /// <c>https://grafana.example.com</c> or <c>https://example.com/grafana</c>. When set, the web views link each
    /// fleet, cluster, node and capacity view to its Grafana dashboard; empty: no links. Must be an absolute http(s) URL.
    /// </summary>
    public string GrafanaUrl { get; set; } = string.Empty;

    /// <summary>Null when valid, otherwise what is wrong (for the start-up error).</summary>
    public string? Validate() =>
        GrafanaUrl.Length == 0
        || (Uri.TryCreate(GrafanaUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.Query))
            ? null
            : $"Web:GrafanaUrl must be an absolute http(s) URL without a query, such as https://grafana.example.com (got '{GrafanaUrl}')";
}
