using AzLocalMonitor.Dashboard.Building;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>What every generated dashboard shares: tag, datasource and cluster variables, navigation links.</summary>
public static class DashboardDefaults
{
    /// <summary>Tag of every generated dashboard.</summary>
    public const string Tag = "azlocalmonitor";

    /// <summary>A builder with the common header; add <c>$node</c> and other variables after it.</summary>
    public static DashboardBuilder Create(string uid, string title, string description, params string[] tags) =>
        new DashboardBuilder(uid, title)
            .Description(description)
            .Tags([Tag, .. tags])
            .Variable(Variables.Datasource())
            .Variable(Variables.Cluster())
            .Links(Links.Navigation(uid))
            .Annotations(AnnotationPresets.OnCall());
}
