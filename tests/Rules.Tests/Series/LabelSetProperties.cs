using AzLocalMonitor.Rules.Series;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AzLocalMonitor.Rules.Tests.Series;

/// <summary>
/// <see cref="LabelSet"/> answers as the Prometheus rules for a label set say, whatever its size (sets of up to three
/// labels are stored in fields, larger ones in an array; inputs up to 32 labels are sorted in a per-thread scratch
/// array, larger ones in their own): later duplicates of a name win, empty values are dropped, labels are sorted by
/// name (ordinal). The oracle is a plain dictionary and a sort.
/// </summary>
public sealed class LabelSetProperties
{
    [Property(MaxTest = 500, Arbitrary = [typeof(Inputs)])]
    public void From_AnswersAsTheReference(KeyValuePair<string, string>[] input)
    {
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in input)
        {
            latest[name] = value;
        }

        var expected = latest.Where(l => l.Value.Length > 0).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();

        var fromList = LabelSet.From(input.ToList());        // a collection: copied
        var fromLazy = LabelSet.From(input.Select(l => l));  // a lazy sequence: materialised
        foreach (var set in new[] { fromList, fromLazy })
        {
            Assert.Equal(expected.Count, set.Count);
            Assert.Equal(expected, set.ToList());
            Assert.Equal(expected, Enumerable.Range(0, set.Count).Select(i => set[i]));
            Assert.Throws<IndexOutOfRangeException>(() => set[set.Count]);
            Assert.All(expected, l => Assert.Equal(l.Value, set.Get(l.Key)));
            Assert.Null(set.Get("absent"));
            Assert.Equal("{" + string.Join(", ", expected.Select(l => $"{l.Key}=\"{l.Value}\"")) + "}", set.ToString());
        }

        Assert.Equal(fromList, fromLazy);
        Assert.Equal(fromList.GetHashCode(), fromLazy.GetHashCode());
        Assert.Equal(fromList, LabelSet.From(expected.AsEnumerable().Reverse().ToArray()));
        if (expected.Count > 0)
        {
            Assert.NotEqual(fromList, fromList.With(expected[0].Key, expected[0].Value + "x"));
            Assert.Equal(expected.Count - 1, fromList.Without(expected[0].Key).Count);
        }
        else
        {
            Assert.Same(LabelSet.Empty, fromList);
        }
    }

    public static class Inputs
    {
        public static Arbitrary<KeyValuePair<string, string>[]> Labels()
        {
            // Few names (duplicates), some empty values; up to 40 labels: past the inline three and the scratch 32.
            var label = from name in Gen.Elements("cluster", "node", "state", "volume", "a", "b", "c", "z", "peer", "network")
                        from suffix in Gen.Choose(0, 4)
                        from value in Gen.Elements("", "1", "up", "node-1", "c1")
                        select new KeyValuePair<string, string>(suffix == 0 ? name : name + suffix, value);
            return (from n in Gen.Choose(0, 40) from labels in Gen.ArrayOf(label, n) select labels).ToArbitrary();
        }
    }
}
