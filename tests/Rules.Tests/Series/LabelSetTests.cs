using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Tests.Series;

public class LabelSetTests
{
    [Fact]
    public void From_SortsByName_AndEqualSetsHaveEqualHashes()
    {
        var a = LabelSet.Of("node", "n1", "cluster", "c1");
        var b = LabelSet.Of("cluster", "c1", "node", "n1");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("cluster", a[0].Key);
        Assert.Equal("{cluster=\"c1\", node=\"n1\"}", a.ToString());
    }

    [Fact]
    public void From_DropsEmptyValues_AndLaterDuplicatesWin()
    {
        var set = LabelSet.Of("a", "1", "b", "", "a", "2");

        Assert.Equal(LabelSet.Of("a", "2"), set);
    }

    [Fact]
    public void WithAndWithout_ReturnNewSets()
    {
        var set = LabelSet.Of("cluster", "c1");

        Assert.Equal(LabelSet.Of("cluster", "c1", "node", "n"), set.With("node", "n"));
        Assert.Equal(LabelSet.Empty, set.Without("cluster"));
        Assert.NotEqual(set, set.With("cluster", "c2"));
    }
}
