namespace AzLocalMonitor.Dashboard.Model;

/// <summary>Selects fields for an override: <c>byName</c>, <c>byRegexp</c>...</summary>
public sealed record FieldMatcher(string Id, string Options);
