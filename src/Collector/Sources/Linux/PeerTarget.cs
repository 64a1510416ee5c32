namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>A peer whose round trip is measured on one network segment.</summary>
/// <param name="Network">management, storage, cluster or workload (attribute <c>network</c>).</param>
/// <param name="Host">Host name or IP address (attribute <c>peer</c>).</param>
/// <param name="Port">TCP port to time a connect to; null means ICMP echo.</param>
internal sealed record PeerTarget(string Network, string Host, int? Port)
{
    public static IReadOnlyList<string> Networks { get; } = ["management", "storage", "cluster", "workload"];

    /// <summary>Parses <c>network=host</c> (ICMP) or <c>network=host:port</c> (TCP connect); IPv6 as <c>[::1]:22</c>.</summary>
    public static bool TryParse(string text, out PeerTarget? target, out string? error)
    {
        target = null;
        error = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"Peer '{text}' is not network=host or network=host:port (example: storage=10.0.1.12:445).";
            return false;
        }

        var network = text[..equals].Trim().ToLowerInvariant();
        if (!Networks.Contains(network))
        {
            error = $"Peer '{text}': network '{network}' is not one of {string.Join(", ", Networks)}.";
            return false;
        }

        var address = text[(equals + 1)..].Trim();
        string host;
        int? port = null;
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"Peer '{text}': unclosed '[' in an IPv6 address.";
                return false;
            }

            host = address[1..close];
            var rest = address[(close + 1)..];
            if (rest.Length > 0 && !TryPort(rest, out port))
            {
                error = $"Peer '{text}': '{rest}' is not :port (1..65535).";
                return false;
            }
        }
        else if (address.Count(c => c == ':') == 1)
        {
            var colon = address.IndexOf(':', StringComparison.Ordinal);
            host = address[..colon];
            if (!TryPort(address[colon..], out port))
            {
                error = $"Peer '{text}': '{address[colon..]}' is not :port (1..65535).";
                return false;
            }
        }
        else
        {
            host = address; // a name, an IPv4 address or a bare IPv6 address: ICMP
        }

        if (host.Length == 0)
        {
            error = $"Peer '{text}' names no host.";
            return false;
        }

        target = new PeerTarget(network, host, port);
        return true;
    }

    private static bool TryPort(string text, out int? port)
    {
        port = null;
        if (text.Length > 1 && text[0] == ':' && int.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is > 0 and < 65536)
        {
            port = value;
            return true;
        }

        return false;
    }
}
