namespace AzLocalMonitor.Web.Tests.Support;

/// <summary>The view tests share one Rules, one fed fleet and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
