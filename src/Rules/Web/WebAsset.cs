namespace AzLocalMonitor.Rules.Web;

/// <summary>One file of the built dashboard, held in memory.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">Its media type with charset.</param>
/// <param name="ETag">A strong validator computed from the bytes (quoted).</param>
public sealed record WebAsset(byte[] Content, string ContentType, string ETag);
