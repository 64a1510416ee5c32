using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows.Probes;

/// <summary>
/// Where the witness lives, from its resource's documented private properties: a Cloud Witness is a blob container
/// in the storage account <c>AccountName</c> at the endpoint suffix <c>EndpointInfo</c>, reached over HTTPS, so the
/// agent times a TCP connect to <c>&lt;AccountName&gt;.blob.&lt;EndpointInfo&gt;:443</c>; a File Share Witness is an SMB share,
/// so a TCP connect to <c>SharePath</c>'s server on 445. The TCP connect is one round trip (SYN, SYN-ACK) as the
/// <c>--peer</c> probe times it; the TLS handshake and SMB negotiation that follow are not timed.
/// </summary>
internal static class WitnessTarget
{
    public const int HttpsPort = 443;
    public const int SmbPort = 445;

    /// <summary>The public Azure storage endpoint suffix, used when EndpointInfo is empty (Set-ClusterQuorum without -Endpoint).</summary>
    public const string DefaultEndpoint = "core.windows.net";

    /// <summary>The endpoint to time, or null when the witness's private properties do not name one.</summary>
    public static ProbeTarget? Of(ClusterResourceRecord witness)
    {
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.Type.Contains("Cloud", StringComparison.OrdinalIgnoreCase))
        {
            var account = witness.AccountName?.Trim();
            if (string.IsNullOrEmpty(account))
            {
                return null;
            }

            var endpoint = witness.EndpointInfo?.Trim().Trim('.');
            return new ProbeTarget($"{account}.blob.{(string.IsNullOrEmpty(endpoint) ? DefaultEndpoint : endpoint)}".ToLowerInvariant(), HttpsPort);
        }

        return ShareServer(witness.SharePath) is { } server ? new ProbeTarget(server, SmbPort) : null;
    }

    /// <summary>The server of a UNC path (<c>\\server\share</c>, also <c>//server/share</c>), or null.</summary>
    public static string? ShareServer(string? sharePath)
    {
        var path = sharePath?.Trim().Replace('/', '\\');
        if (path is null || !path.StartsWith(@"\\", StringComparison.Ordinal))
        {
            return null;
        }

        var server = path[2..].Split('\\', 2)[0].Trim();
        return server.Length == 0 || server is "." or "?" ? null : server;
    }
}
