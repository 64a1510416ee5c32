namespace AzLocalMonitor.Dashboard.Model;

/// <summary>Field settings for the fields a matcher selects (e.g. one table column by name).</summary>
public sealed record FieldOverride(FieldMatcher Matcher, IReadOnlyList<OverrideProperty> Properties);
