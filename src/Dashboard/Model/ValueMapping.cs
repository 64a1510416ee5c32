namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A Grafana <c>value</c> mapping: exact values (numbers or strings) shown as text and colour.</summary>
/// <param name="Type">Always <c>value</c> here.</param>
/// <param name="Options">Value → result, in ordinal key order so the JSON is stable.</param>
public sealed record ValueMapping(string Type, SortedDictionary<string, MappingResult> Options);
