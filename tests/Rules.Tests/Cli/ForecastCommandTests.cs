using System.Globalization;
using System.Text.Json;
using AzLocalMonitor.Rules.Cli;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Cli;

public sealed class ForecastCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Json_HasMethodScoreAndPointsAtTheInputCadence()
    {
        var csv = Write("hourly.csv", ["timestamp,value", .. Enumerable.Range(0, 24 * 30).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{new DateTime(2025, 1, 1).AddHours(i):yyyy-MM-ddTHH:mm:ss}Z,{100 + (0.1 * i) + (10 * Math.Sin(2 * Math.PI * i / 24))}"))]);

        var (code, stdout, _) = await Run("forecast", "--input", csv, "--horizon", "2d", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("holt_winters", json.RootElement.GetProperty("method").GetString());
        Assert.True(json.RootElement.GetProperty("score").GetDouble() > 0);
        var points = json.RootElement.GetProperty("points");
        Assert.Equal(48, points.GetArrayLength());
        Assert.Equal("2025-01-31T00:00:00Z", points[0].GetProperty("timestamp").GetString());
        Assert.Equal("2025-01-31T01:00:00Z", points[1].GetProperty("timestamp").GetString());
        Assert.True(points[0].GetProperty("p10").GetDouble() <= points[0].GetProperty("p50").GetDouble());
        Assert.True(points[0].GetProperty("p50").GetDouble() <= points[0].GetProperty("p90").GetDouble());
    }

    [Fact]
    public async Task HeaderIsOptional_AndMonthlyCadenceIsCalendarMonths()
    {
        var csv = Write("monthly.csv", Enumerable.Range(0, 36).Select(i => string.Create(CultureInfo.InvariantCulture, $"{new DateTime(2020, 1, 31).AddMonths(i):yyyy-MM-dd},{i}")).ToArray());

        var (code, stdout, _) = await Run("forecast", "--input", csv, "--horizon", "3mo");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(3, json.RootElement.GetProperty("points").GetArrayLength());
        Assert.Equal(12, json.RootElement.GetProperty("season").GetInt32());
    }

    [Fact]
    public async Task Table_IsForPeople()
    {
        var csv = Write("d.csv", Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"2025-01-01T00:00:00Z,{i}")).Select((l, i) => l.Replace("2025-01-01", new DateTime(2025, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray());

        var (code, stdout, _) = await Run("forecast", "--input", csv, "--horizon", "7d", "--format", "table");

        Assert.Equal(0, code);
        Assert.Contains("method linear", stdout, StringComparison.Ordinal);
        Assert.Contains("p10", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01-03T00:00:00Z,abc", ":4: 'abc' is not a number")]
    [InlineData("not-a-time,3", ":4: 'not-a-time' is not an ISO 8601 timestamp")]
    [InlineData("2025-01-05T00:00:00Z,3", ":4: 2025-01-05T00:00:00.0000000+00:00 is 3.00:00:00 after the previous row")]
    [InlineData("2025-01-03T00:00:00Z,3,4", ":4: expected 2 fields")]
    public async Task BadRow_FileAndLine(string row, string expected)
    {
        var csv = Write("bad.csv", ["timestamp,value", "2025-01-01T00:00:00Z,1", "2025-01-02T00:00:00Z,2", row, "2025-01-06T00:00:00Z,4"]);

        var (code, _, stderr) = await Run("forecast", "--input", csv);

        Assert.Equal(2, code);
        Assert.Contains("bad.csv" + expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheOptions()
    {
        var (code, stdout, _) = await Run("forecast", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--horizon", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "Unknown option")]
    [InlineData("--horizon", "needs a value")]
    public async Task BadOptions_AreErrors(string option, string expected)
    {
        var (code, _, stderr) = await Run("forecast", option);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("18mo", 18 * 30.436875)]
    [InlineData("90d", 90)]
    [InlineData("2w", 14)]
    [InlineData("1y", 365.2425)]
    public void Horizon_Parses(string text, double days) => Assert.Equal(days, HorizonParser.Parse(text).TotalDays, 6);

    [Fact]
    public void IsCommand_OnlyForSubcommands()
    {
        Assert.True(CliRunner.IsCommand(["forecast"]));
        Assert.True(CliRunner.IsCommand(["report", "--help"]));
        Assert.False(CliRunner.IsCommand(["--urls", "http://127.0.0.1:0"]));
        Assert.False(CliRunner.IsCommand([]));
    }

    private string Write(string name, string[] lines)
    {
        var path = _dir.File(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliRunner.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
