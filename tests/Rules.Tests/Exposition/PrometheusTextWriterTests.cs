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
}
