using AzLocalMonitor.Fuzz;
using Xunit.Abstractions;

namespace AzLocalMonitor.Integration.Tests.Fuzz;

/// <summary>
/// The short fuzz run of ./test.sh: 2,000 mutated and generated inputs from a fixed seed over every target of the
/// harness (OTLP protobuf and JSON, over HTTP too; policy and scenario YAML; maintenance and silence requests;
/// forecast CSV) against the real code and a real Rules on loopback. No 5xx, no undocumented exception, memory
/// under the harness's bounds. The full run (100,000 inputs) is in docs/fuzzing.md.
/// </summary>
public sealed class ShortFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoThousandInputs_NoFindings_MemoryBounded()
    {
        var report = await FuzzHarness.RunAsync(new FuzzOptions(Inputs: 2_000, Seed: 12));

        output.WriteLine(report.Summary());
        Assert.Equal(2_000, report.Total);
        Assert.All(FuzzOptions.Mix, m => Assert.True(report.Counts[m.Target] > 0, $"{m.Target} got no inputs"));
        Assert.True(report.Passed, report.Summary());
    }
}
