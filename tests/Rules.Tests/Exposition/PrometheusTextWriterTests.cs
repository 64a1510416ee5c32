using System.Buffers;
using System.Text;
using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Tests.Exposition;

public class PrometheusTextWriterTests
{
    [Fact]
    public void Sample_EscapesLabelValues_AndHelpText()
    {
        var sb = new StringBuilder();
        var writer = new PrometheusTextWriter(sb);

        writer.Family("m", "gauge", "a \\ b\nc \"q\"");
        writer.Sample("m", LabelSet.Of("volume", "C:\\\"x\"\nnew"), 1.5);

        Assert.Equal(
            "# HELP m a \\\\ b\\nc \"q\"\n# TYPE m gauge\nm{volume=\"C:\\\\\\\"x\\\"\\nnew\"} 1.5\n",
            sb.ToString());
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1E+21")]
    public void FormatValue_UsesTheFormatsSpellings(double value, string expected) =>
        Assert.Equal(expected, PrometheusTextWriter.FormatValue(value));

    [Fact]
    public void Sample_WithoutLabels_HasNoBraces()
    {
        var sb = new StringBuilder();
        new PrometheusTextWriter(sb).Sample("up", LabelSet.Empty, 1);
        Assert.Equal("up 1\n", sb.ToString());
    }

    [Fact]
    public void OverASink_LinesLongerThanTheBuffer_AreWhole_AndFlushHandsOnTheRest()
    {
        // A value of 2,400 characters with escapes, through the smallest buffer (1 KiB): it is handed on in pieces.
        var value = string.Concat(Enumerable.Repeat("é\\\"\n", 600));
        var escaped = string.Concat(Enumerable.Repeat("é\\\\\\\"\\n", 600));
        var sink = new ArrayBufferWriter<byte>();
        var writer = new PrometheusTextWriter(sink, bufferSize: 16);

        writer.Family("m", "gauge", "h");
        writer.Sample("m", LabelSet.Of("path", value), 0.25);
        writer.Sample("m", LabelSet.Of("path", "short"), double.NegativeInfinity);
        writer.Flush();

        Assert.Equal(
            $"# HELP m h\n# TYPE m gauge\nm{{path=\"{escaped}\"}} 0.25\nm{{path=\"short\"}} -Inf\n",
            Encoding.UTF8.GetString(sink.WrittenSpan));
        Assert.Equal(sink.WrittenCount, writer.HandedOn);
    }
}
