using System.Text.Json.Serialization;

namespace AzLocalMonitor.Dashboard.Model;

/// <summary>One step of a threshold scale: from <see cref="Value"/> upwards the colour is <see cref="Color"/>; the base step has no value.</summary>
public sealed record ThresholdStep(
    string Color,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value);
