namespace AzLocalMonitor.Dashboard.Model;

/// <summary>One overridden setting: its id (<c>unit</c>, <c>mappings</c>, <c>custom.cellOptions</c>...) and value.</summary>
public sealed record OverrideProperty(string Id, object? Value);
