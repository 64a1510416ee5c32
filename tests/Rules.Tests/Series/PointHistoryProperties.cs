using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AzLocalMonitor.Rules.Tests.Series;

/// <summary>
/// The packed history (<see cref="PointHistory"/>) and the <see cref="TimeSeries"/> holding it answer exactly as a
/// plain reference does — a list of (time, value) pairs trimmed to the limit, and the record rules of a series
/// written out the obvious way — over random sequences: late and duplicate timestamps, steps from 1 ms to decades,
/// values that repeat or change in any bit (NaN payloads, -0, infinities), staleness gaps, and far more points than
/// the ring holds. Values are compared bit for bit.
/// </summary>
public sealed class PointHistoryProperties
{
    [Property(MaxTest = 300, Arbitrary = [typeof(Sequences)])]
    public void TimeSeries_AnswersAsTheReference(Sequence sequence)
    {
        var series = new TimeSeries("m", LabelSet.Empty, MetricKind.Gauge, sequence.Limit);
        var reference = new ReferenceSeries(sequence.Limit);
        foreach (var (time, value, received) in sequence.Records)
        {
            Assert.Equal(reference.Record(time, value, received, sequence.StaleAfterMs), series.Record(time, value, received, sequence.StaleAfterMs));
            Assert.Equal(Bits(reference.Value), Bits(series.Value));
            Assert.Equal(reference.TimestampMs, series.TimestampMs);
            Assert.Equal(reference.ReceivedMs, series.ReceivedMs);
            AssertSameHistory(reference.Points, series);
        }
    }

    [Property(MaxTest = 300)]
    public void History_RoundTripsAnyTimesAndValueBits(long[] times, long[] valueBits, byte limit)
    {
        // No ordering assumed: any longs (wrapping steps) and any 64-bit patterns come back unchanged.
        var history = new PointHistory(limit);
        var reference = new List<(long, double)>();
        for (var i = 0; i < Math.Min(times.Length, valueBits.Length); i++)
        {
            var value = BitConverter.Int64BitsToDouble(valueBits[i]);
            history.Add(times[i], value);
            if (limit > 0)
            {
                reference.Add((times[i], value));
                if (reference.Count > limit)
                {
                    reference.RemoveAt(0);
                }
            }

            Assert.Equal(reference.Count, history.Count);
            var copied = new (long TimestampMs, double Value)[reference.Count];
            Assert.Equal(reference.Count, history.CopyNewest(copied));
            Assert.Equal(reference.Select(p => (p.Item1, Bits(p.Item2))), copied.Select(p => (p.TimestampMs, Bits(p.Value))));
        }
    }

    [Fact]
    public void History_RegularUnchangedPoints_CostOneByteEach()
    {
        // 32 points 10 s apart with the same value: the 56-byte header plus one byte per point after the first.
        var history = new PointHistory(32);
        for (var i = 0; i < 100; i++)
        {
            history.Add(1_764_000_000_000 + (i * 10_000L), 42.5);
        }

        Assert.Equal(32, history.Count);
        Assert.InRange(history.CapacityBytes, 56 + 31, 56 + 31 + 16);
    }

    private static void AssertSameHistory(List<(long TimestampMs, double Value)> expected, TimeSeries series)
    {
        Assert.Equal(expected.Count, series.HistoryCount);
        for (var i = 0; i < expected.Count; i++)
        {
            var (t, v) = series.Recent(i);
            var (et, ev) = expected[expected.Count - 1 - i];
            Assert.Equal((et, Bits(ev)), (t, Bits(v)));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => series.Recent(expected.Count));
        foreach (var want in new[] { 0, 1, 2, expected.Count, expected.Count + 3 })
        {
            var copied = new (long TimestampMs, double Value)[want];
            var n = series.CopyHistory(copied);
            Assert.Equal(Math.Min(want, expected.Count), n);
            Assert.Equal(expected.Skip(expected.Count - n).Select(p => (p.TimestampMs, Bits(p.Value))), copied.Take(n).Select(p => (p.TimestampMs, Bits(p.Value))));
        }
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>A series' record rules written out plainly, its history a list trimmed to the limit (the oracle).</summary>
    private sealed class ReferenceSeries(int limit)
    {
        public List<(long TimestampMs, double Value)> Points { get; } = [];

        public double Value { get; private set; }

        public long TimestampMs { get; private set; } = long.MinValue;

        public long ReceivedMs { get; private set; }

        public RecordResult Record(long timestampMs, double value, long receivedMs, long staleAfterMs)
        {
            // docs: an older point is refused (the latest report wins); a repeated timestamp replaces the latest value
            // but adds no point to the history; a new value or a return from staleness is a change the rules must see.
            if (timestampMs < TimestampMs)
            {
                return RecordResult.Rejected;
            }

            var changed = TimestampMs == long.MinValue || !Value.Equals(value) || receivedMs - ReceivedMs > staleAfterMs;
            if (timestampMs != TimestampMs && limit > 0)
            {
                Points.Add((timestampMs, value));
                if (Points.Count > limit)
                {
                    Points.RemoveAt(0);
                }
            }

            (TimestampMs, Value, ReceivedMs) = (timestampMs, value, receivedMs);
            return changed ? RecordResult.Changed : RecordResult.Unchanged;
        }
    }

    /// <summary>Records to feed one series, with its history limit and staleness.</summary>
    public sealed record Sequence(int Limit, long StaleAfterMs, (long TimestampMs, double Value, long ReceivedMs)[] Records)
    {
        public override string ToString() =>
            $"limit {Limit}, stale after {StaleAfterMs}: " + string.Join(" ", Records.Select(r => $"({r.TimestampMs}, {r.Value}, {r.ReceivedMs})"));
    }

    public static class Sequences
    {
        public static Arbitrary<Sequence> Sequence()
        {
            var anyLong = ArbMap.Default.GeneratorFor<long>();
            var anyDouble = ArbMap.Default.GeneratorFor<double>();
            // Time steps: mostly the report interval or a jittered one, sometimes a repeat, a late point or a huge gap.
            var step = from kind in Gen.Choose(0, 9)
                       from small in Gen.Choose(1, 20_000)
                       from big in Gen.Choose(1, int.MaxValue)
                       select kind switch
                       {
                           <= 2 => 10_000L,
                           <= 5 => small,
                           6 => 0L,
                           7 => -small,
                           8 => big * 1_000_000L,
                           _ => (long)big,
                       };
            // Values: a few that repeat (unchanged points), anything a double can be, or any bit pattern.
            var value = from kind in Gen.Choose(0, 5)
                        from pick in Gen.Elements(0.0, 1.0, 0.5, 512e9)
                        from d in anyDouble
                        from bits in anyLong
                        select kind switch
                        {
                            <= 2 => pick,
                            3 => d,
                            4 => BitConverter.Int64BitsToDouble(bits),
                            _ => 0.3 + (Math.Abs(bits % 1000) / 5000.0),
                        };
            var receivedStep = Gen.Elements(10_000L, 0L, 5_000L, 61_000L, 90_000L, -1_000L);
            var record = from s in step from v in value from r in receivedStep select (Step: s, Value: v, ReceivedStep: r);
            var gen = from limit in Gen.Elements(0, 1, 2, 3, 5, 32)
                      from stale in Gen.Elements(60_000L, long.MaxValue)
                      from start in Gen.Elements(0L, 1_764_000_000_000L, -5L, long.MaxValue - 100_000L)
                      from steps in Gen.ListOf(record)
                      from extra in Gen.Choose(0, 120)
                      from tail in Gen.ListOf(record, extra)
                      select new Sequence(limit, stale, Accumulate(start, [.. steps, .. tail]));
            return gen.ToArbitrary();
        }

        private static (long, double, long)[] Accumulate(long start, List<(long Step, double Value, long ReceivedStep)> steps)
        {
            var (time, received) = (start, 1_000_000L);
            var records = new (long, double, long)[steps.Count];
            for (var i = 0; i < steps.Count; i++)
            {
                time = unchecked(time + steps[i].Step);
                received += steps[i].ReceivedStep;
                records[i] = (time, steps[i].Value, received);
            }

            return records;
        }
    }
}
