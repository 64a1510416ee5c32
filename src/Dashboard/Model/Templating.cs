namespace AzLocalMonitor.Dashboard.Model;

/// <summary>The dashboard's template variables, in display order.</summary>
public sealed record Templating(IReadOnlyList<Variable> List);
