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
        Assert.Equal("combination", json.RootElement.GetProperty("method").GetString());
        Assert.Contains("theta", json.RootElement.GetProperty("members").GetString(), StringComparison.Ordinal);
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
        Assert.Contains("method combination", stdout, StringComparison.Ordinal);
        Assert.Contains("p10", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-01-03T00:00:00Z,abc", ":4: 'abc' is not a number")]
    [InlineData("not-a-time,3", ":4: 'not-a-time' is not an ISO 8601 timestamp")]
    [InlineData("2025-01-03T00:00:00Z,3,4", ":4: expected 2 fields")]
    [InlineData("9999-12-31T23:59:59Z,3", ":4: '9999-12-31T23:59:59Z' is outside the years 1000..9000")] // fuzz: date arithmetic overflow
    [InlineData("0001-01-01,3", ":4: '0001-01-01' is outside the years 1000..9000")] // fuzz: date arithmetic overflow
    [InlineData("141436956950234937,3", ":4: '141436956950234937' is not an ISO 8601 timestamp")] // fuzz: Unix seconds past year 9999 crashed
    public async Task BadRow_FileAndLine(string row, string expected)
    {
        var csv = Write("bad.csv", ["timestamp,value", "2025-01-01T00:00:00Z,1", "2025-01-02T00:00:00Z,2", row, "2025-01-06T00:00:00Z,4"]);

        var (code, _, stderr) = await Run("forecast", "--input", csv);

        Assert.Equal(2, code);
        Assert.Contains("bad.csv" + expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrayYear_IsRefused_NotMillionsOfSteps()
    {
        // Found by the fuzz harness (docs/fuzzing.md): one row in year 6696 among daily rows made a grid of 1.7 million
        // days, gigabytes and minutes of fitting.
        var rows = Enumerable.Range(0, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"{new DateTime(2025, 1, 1).AddDays(i):yyyy-MM-dd},{100 + i}")).ToList();
        rows[20] = "6696-10,119";
        var csv = Write("stray.csv", [.. rows]);

        var (code, _, stderr) = await Run("forecast", "--input", csv);

        Assert.Equal(2, code);
        Assert.Contains("at most 100000 can be forecast", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealMonthlySeries_WithAMissingMonth_IsAccepted()
    {
        // AirPassengers with 1958-06 removed (the gap that used to fail): 143 rows, one month missing.
        var rows = Enumerable.Range(0, 144).Where(i => AirPassengers.Month(i) != new DateTime(1958, 6, 1))
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{AirPassengers.Month(i):yyyy-MM},{AirPassengers.Values[i]}"));
        var csv = Write("airpassengers.csv", ["month,passengers", .. rows]);

        var (code, stdout, stderr) = await Run("forecast", "--input", csv, "--horizon", "18mo");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("calendar months", json.RootElement.GetProperty("cadence").GetString());
        Assert.Equal(12, json.RootElement.GetProperty("season").GetInt32());
        var points = json.RootElement.GetProperty("points");
        Assert.Equal(18, points.GetArrayLength());
        Assert.Equal("1961-01-01T00:00:00Z", points[0].GetProperty("timestamp").GetString());
        Assert.Equal("1962-06-01T00:00:00Z", points[17].GetProperty("timestamp").GetString());
        var notes = json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.Contains("filled by linear interpolation: 1958-06", StringComparison.Ordinal));
        Assert.Contains("note: 1 short gaps", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsortedDuplicatedJitteredDaily_IsResampled()
    {
        var lines = new List<string> { "timestamp,value" };
        for (var d = 0; d < 60; d++)
        {
            var jitter = (d % 3) - 1; // -1, 0, +1 minutes
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{new DateTime(2025, 1, 1).AddDays(d).AddMinutes(jitter):yyyy-MM-ddTHH:mm:ss}Z,{100 + d}"));
        }

        lines.Add("2025-01-10T00:00:00Z,109"); // duplicate of day 9
        lines.Reverse(1, lines.Count - 1);     // newest first

        var (code, stdout, _) = await Run("forecast", "--input", Write("daily.csv", [.. lines]), "--horizon", "7d");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(86400, json.RootElement.GetProperty("cadenceSeconds").GetDouble());
        Assert.Equal("2025-03-02T00:00:00Z", json.RootElement.GetProperty("points")[0].GetProperty("timestamp").GetString());
        var notes = string.Join("\n", json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("sorted by time", notes, StringComparison.Ordinal);
        Assert.Contains("1 rows fell on a step that already had a row", notes, StringComparison.Ordinal);
        Assert.Contains("00:01:00 off the 1 d grid", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongGap_IsMissing_ForecastStartsAfterIt()
    {
        // 40 days of 1000, 30 days missing, then 40 days rising by 1 from 2000: a line through the gap would see the
        // jump; zero-filling would see a collapse. The forecast learns from the last 40 days only.
        var days = Enumerable.Range(0, 40).Select(d => (d, 1000.0)).Concat(Enumerable.Range(70, 40).Select(d => (d, 2000.0 + (d - 70))));
        var csv = Write("gap.csv", ["timestamp,value", .. days.Select(x => string.Create(CultureInfo.InvariantCulture, $"{new DateTime(2025, 1, 1).AddDays(x.d):yyyy-MM-dd},{x.Item2}"))]);

        var (code, stdout, _) = await Run("forecast", "--input", csv, "--horizon", "1d", "--season", "0");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2040, json.RootElement.GetProperty("points")[0].GetProperty("p50").GetDouble(), 3);
        var notes = string.Join("\n", json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("1 long gaps (30 steps) left missing, not zero: 2025-02-10 to 2025-03-11", notes, StringComparison.Ordinal);
        Assert.Contains("Forecast from the last stretch without missing steps: 40 steps from 2025-03-12", notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time,used_TiB", "bytes", 1099511627776.0)]
    [InlineData("date,value_bytes", "bytes", 1.0)]
    [InlineData("timestamp,used (GB)", "bytes", 1e9)]
    [InlineData("timestamp,cpu_percent", "ratio", 0.01)]
    [InlineData("timestamp,value", null, 1.0)]
    public async Task UnitInHeader_IsHonoured(string header, string? unit, double factor)
    {
        var rows = Enumerable.Range(0, 30).Select(d => string.Create(CultureInfo.InvariantCulture, $"{new DateTime(2025, 1, 1).AddDays(d):yyyy-MM-dd},{10 + d}"));
        var csv = Write("unit.csv", [header, .. rows]);

        var (code, stdout, _) = await Run("forecast", "--input", csv, "--horizon", "1d", "--season", "0");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(unit, json.RootElement.GetProperty("unit").GetString());
        Assert.Equal(40 * factor, json.RootElement.GetProperty("points")[0].GetProperty("p50").GetDouble(), 40 * factor * 1e-9);
    }

    [Fact]
    public async Task HeaderWithSeveralColumns_PicksByName()
    {
        var rows = Enumerable.Range(0, 30).Select(d => string.Create(CultureInfo.InvariantCulture, $"c1,{new DateTime(2025, 1, 1).AddDays(d):yyyy-MM-dd},{d},{500 - d}"));
        var csv = Write("wide.csv", ["cluster,date,memory_GiB,free", .. rows]);

        var (ambiguous, _, error) = await Run("forecast", "--input", csv);
        var (code, stdout, _) = await Run("forecast", "--input", csv, "--column", "free", "--horizon", "1d", "--season", "0");

        Assert.Equal(2, ambiguous);
        Assert.Contains("which column is the value?", error, StringComparison.Ordinal);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(470, json.RootElement.GetProperty("points")[0].GetProperty("p50").GetDouble(), 6);
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
