using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Tests.Exposition;

/// <summary>The piecewise comparison agrees with comparing the rendered strings themselves (the order /metrics used).</summary>
public class RenderedLabelOrderTests
{
    private static readonly string[] Values = ["", "a", "a!b", "a\"", "a\"b", "a,", "ab", "b", "B", "a b", "é", "\\", "\n"];

    [Fact]
    public void Compare_AgreesWithTheOrdinalOrderOfToString()
    {
        var sets = new List<LabelSet> { LabelSet.Empty };
        foreach (var v in Values)
        {
            sets.Add(LabelSet.Of("cluster", v));
            sets.Add(LabelSet.Of("cluster", v, "node", "n1"));
            sets.Add(LabelSet.Of("app", v, "cluster", "c"));
            sets.Add(LabelSet.Of("cluster", "c", "node", v));
            sets.Add(LabelSet.Of("c", v));
        }

        foreach (var a in sets)
        {
            foreach (var b in sets)
            {
                Assert.Equal(Math.Sign(string.CompareOrdinal(a.ToString(), b.ToString())), Math.Sign(RenderedLabelOrder.Compare(a, b)));
            }
        }
    }

    [Fact]
    public void CompareClusterNames_IsTheOrdinalOrderOfTheNameAndItsClosingQuote()
    {
        foreach (var a in Values)
        {
            foreach (var b in Values)
            {
                Assert.Equal(Math.Sign(string.CompareOrdinal(a + "\"", b + "\"")), Math.Sign(RenderedLabelOrder.CompareClusterNames(a, b)));
            }
        }
    }
}
