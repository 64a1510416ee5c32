using AzLocalMonitor.Collector.Configuration;

namespace AzLocalMonitor.Collector.Tests.Configuration;

public class DurationParserTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("15", 15_000)]
    [InlineData(" 3s ", 3_000)]
    public void TryParse_Valid_ReturnsDuration(string text, int milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("10x")]
    [InlineData("-5s")]
    [InlineData("ten seconds")]
    [InlineData(null)]
    public void TryParse_Invalid_ReturnsFalse(string? text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
