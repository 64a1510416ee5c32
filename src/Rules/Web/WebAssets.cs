using System.Reflection;
using System.Security.Cryptography;

namespace AzLocalMonitor.Rules.Web;

/// <summary>
/// The dashboard bundle (<c>src/Web</c>, built by npm into <c>Web/dist</c>) embedded in this assembly under
/// <c>ui/</c>, so Rules serves it wherever it runs and needs neither npm nor a content root at run time.
/// </summary>
public sealed class WebAssets
{
    /// <summary>Prefix of the embedded resources' logical names (see the project file).</summary>
    public const string ResourcePrefix = "ui/";

    private readonly Dictionary<string, WebAsset> _byName;

    public WebAssets(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _byName = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\"";
            _byName.Add(resource[ResourcePrefix.Length..], new WebAsset(bytes, ContentTypeOf(resource), etag));
        }
    }

    /// <summary>The assets of the Rules assembly.</summary>
    public static WebAssets FromRules() => new(typeof(WebAssets).Assembly);

    /// <summary>File names held (e.g. <c>index.html</c>, <c>app.js</c>).</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>An asset by file name, or null.</summary>
    public WebAsset? Find(string name) => _byName.GetValueOrDefault(name);

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
