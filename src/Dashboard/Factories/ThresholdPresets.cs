using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Threshold scales used across dashboards, coloured by <see cref="Budgets"/>.</summary>
public static class ThresholdPresets
{
    /// <summary>Utilisation ratio: green, orange from 80%, red from 90%.</summary>
    public static Thresholds Utilization() =>
        PanelBuilder.ThresholdsOf("green", ("orange", Budgets.UtilizationWarning), ("red", Budgets.UtilizationCritical));

    /// <summary>Green below a budget, red at or above it (latency).</summary>
    public static Thresholds AtMost(double budget) => PanelBuilder.ThresholdsOf("green", ("red", budget));

    /// <summary>Red below a policy, green at or above it (cache hit ratio).</summary>
    public static Thresholds AtLeast(double policy) => PanelBuilder.ThresholdsOf("red", ("green", policy));

    /// <summary>Counts of bad things: green at 0, red from 1.</summary>
    public static Thresholds BadCount() => PanelBuilder.ThresholdsOf("green", ("red", 1));

    /// <summary>Counts of warnings: green at 0, orange from 1.</summary>
    public static Thresholds WarningCount() => PanelBuilder.ThresholdsOf("green", ("orange", 1));

    /// <summary>Neutral: one colour.</summary>
    public static Thresholds Neutral() => PanelBuilder.ThresholdsOf("blue");

    /// <summary>Time left before exhaustion: red within 6 months, orange within 18 months, green beyond.</summary>
    public static Thresholds TimeLeft() =>
        PanelBuilder.ThresholdsOf("red", ("orange", Budgets.ForecastWarning), ("green", Budgets.ForecastInfo));
}
