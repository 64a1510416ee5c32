using AzLocalMonitor.Rules.RemoteWrite;
using AzLocalMonitor.Rules.RemoteWrite.Wire;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Rules.Tests.RemoteWrite;

/// <summary>The hand-written encoder against the protobuf library's parser of our remote_write.proto (the oracle).</summary>
public sealed class WireEncoderTests
{
    [Fact]
    public void Series_DecodesAsAWriteRequest_WithNameAndLabelsSorted_AndExternalLabelsMerged()
    {
        var buffer = new ByteBuffer(8);
        var external = WireEncoder.SortedLabels([new("replica", "a"), new("cluster", "ignored: the series has one"), new("Zone", "z"), new("empty", "")]);
        WireEncoder.WriteSeries(buffer, "azlocal_node_state", LabelSet.Of("node", "n1", "cluster", "c1", "state", "up"), external, 1.5, 1_795_000_000_123);
        WireEncoder.WriteSeries(buffer, "ALERTS", LabelSet.Of("alertname", "AzLocalNodeDown", "ünïcode", "välue"), [], -0.0, 0);

        var request = WriteRequest.Parser.ParseFrom(buffer.Span.ToArray());

        Assert.Equal(2, request.Timeseries.Count);
        var first = request.Timeseries[0];
        Assert.Equal(["Zone=z", "__name__=azlocal_node_state", "cluster=c1", "node=n1", "replica=a", "state=up"], first.Labels.Select(l => $"{l.Name}={l.Value}"));
        Assert.Equal(1.5, first.Samples.Single().Value);
        Assert.Equal(1_795_000_000_123, first.Samples.Single().Timestamp);
        Assert.Equal(["__name__=ALERTS", "alertname=AzLocalNodeDown", "ünïcode=välue"], request.Timeseries[1].Labels.Select(l => $"{l.Name}={l.Value}"));
    }

    [Fact]
    public void Labels_AreSortedByteWise_AsTheSpecRequires()
    {
        var buffer = new ByteBuffer();
        WireEncoder.WriteSeries(buffer, "m", LabelSet.Of("a", "1", "B", "2", "_x", "3", "z", "4"), WireEncoder.SortedLabels([new("__a", "e"), new("y", "e")]), 0, 1);

        var names = WriteRequest.Parser.ParseFrom(buffer.Span.ToArray()).Timeseries.Single().Labels.Select(l => l.Name).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(["B", "__a", "__name__", "_x", "a", "y", "z"], names);
    }
}
