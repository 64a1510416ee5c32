using System.Security.Cryptography;
using System.Text;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// One store samples are written to, with its optional credentials. Read from <c>RemoteWrite:Url</c> (+
/// <c>RemoteWrite:BearerToken</c> or <c>RemoteWrite:BasicAuth:Username</c>/<c>Password</c>) and from each
/// <c>RemoteWrite:Urls:N</c>, which is either a URL or a section with <c>Url</c>, <c>BearerToken</c>, <c>BasicAuth</c>.
/// </summary>
public sealed record RemoteWriteDestination(Uri Url, string? BearerToken, string? Username, string? Password)
{
    /// <summary>A stable short name for the destination's buffer cursors and metric labels (host:port and a hash of the URL).</summary>
    public string Id { get; } = $"{Url.Host}_{Url.Port}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Url.AbsoluteUri)))[..8]}";

    /// <summary>Every destination configured, or the errors that make the configuration unusable.</summary>
    public static IReadOnlyList<RemoteWriteDestination> From(IConfiguration configuration, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(errors);
        var section = configuration.GetSection(RemoteWriteOptions.Section);
        var result = new List<RemoteWriteDestination>();
        if (!string.IsNullOrWhiteSpace(section["Url"]))
        {
            Add(section, section, "RemoteWrite:Url", result, errors);
        }

        foreach (var child in section.GetSection("Urls").GetChildren())
        {
            Add(child, section, $"RemoteWrite:Urls:{child.Key}", result, errors);
        }

        foreach (var duplicate in result.GroupBy(d => d.Url.AbsoluteUri).Where(g => g.Count() > 1))
        {
            errors.Add($"RemoteWrite: '{duplicate.Key}' is configured more than once.");
        }

        return result;
    }

    /// <param name="entry">A section with Url (and its own credentials), or a bare URL value.</param>
    /// <param name="shared">Where a bare URL takes its credentials from: the RemoteWrite section.</param>
    private static void Add(IConfigurationSection entry, IConfigurationSection shared, string where, List<RemoteWriteDestination> result, List<string> errors)
    {
        var url = entry.Value ?? entry["Url"];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{where}: '{url}' is not an absolute http(s) URL (e.g. http://127.0.0.1:8428/api/v1/write).");
            return;
        }

        var credentials = entry.Value is null ? entry : shared;
        var token = NullIfEmpty(credentials["BearerToken"]);
        var user = NullIfEmpty(credentials["BasicAuth:Username"]);
        var password = NullIfEmpty(credentials["BasicAuth:Password"]);
        if (token is not null && user is not null)
        {
            errors.Add($"{where}: set BearerToken or BasicAuth, not both.");
            return;
        }

        if ((user is null) != (password is null))
        {
            errors.Add($"{where}: BasicAuth needs both Username and Password.");
            return;
        }

        result.Add(new RemoteWriteDestination(uri, token, user, password));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>The URL only: credentials never reach logs.</summary>
    public override string ToString() => Url.ToString();
}
