namespace AzLocalMonitor.Dashboard.Model;

/// <summary>What a value mapping shows: text, colour and display order.</summary>
public sealed record MappingResult(string Text, string Color, int Index);
