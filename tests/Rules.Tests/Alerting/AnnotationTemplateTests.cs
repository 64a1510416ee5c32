using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Tests.Alerting;

public class AnnotationTemplateTests
{
    private static readonly Dictionary<string, string> NoDetails = [];

    [Fact]
    public void RepairJob_RendersFromTheRenamedLabel()
    {
        var labels = LabelSet.Of("cluster", "c1", "repair_job", "UserStorage_1-Repair");

        Assert.Equal("rebuild UserStorage_1-Repair on c1", AnnotationTemplate.Render("rebuild {repair_job} on {cluster}", labels, NoDetails));
    }

    [Fact]
    public void OldJobPlaceholder_StillNamesTheRepairJob()
    {
        // Policies written before the label became repair_job say {job}: they keep naming the job, not "{job}".
        var labels = LabelSet.Of("cluster", "c1", "repair_job", "db-Repair");

        Assert.Equal("rebuild db-Repair", AnnotationTemplate.Render("rebuild {job}", labels, NoDetails));
        Assert.Equal("rebuild {job}", AnnotationTemplate.Render("rebuild {job}", LabelSet.Of("cluster", "c1"), NoDetails));
    }
}
