using System.Globalization;
using System.Text.Json;
using AzLocalMonitor.Rules.Capacity.Forecasting;

namespace AzLocalMonitor.Rules.Cli;

/// <summary><c>forecast --input FILE.csv [--column NAME] [--horizon 18mo] [--format json|table] [--season N] [--no-steps]</c>.</summary>
public static class ForecastCommand
{
    public const string Usage = """
        Usage: dotnet run --project src/Rules -- forecast --input FILE.csv [options]

        Forecasts a time series with the capacity planner's models: the median of the two best ETS models by AICc,
        Theta, and the classic pick (least-squares line, damped trend or Holt-Winters chosen by rolling-origin
        backtest), with P10/P50/P90 calibrated on that backtest.

        Input: rows 'timestamp,value' (header optional), or a header naming the columns (time column timestamp,
        time, date, month or ds; value column value..., the only other column, or --column). ISO 8601 times (no
        zone = UTC) or year-months (1958-06). A unit at the end of the value header is honoured: value_bytes,
        used_TiB, used (GB), cpu_percent (converted to bytes or a 0..1 ratio). Rows may be unsorted, repeated,
        jittered or missing (empty or NA values): the series is resampled to its cadence (calendar months,
        quarters, days, hours...), gaps of up to 3 steps are interpolated, longer gaps stay missing and the
        forecast starts after the last one. What was done is printed on stderr and in the JSON "notes".

        Options:
          --input FILE       CSV file (required)
          --column NAME      Value column, by header name (when the header has several)
          --horizon SPAN     How far ahead: 18mo (default), 90d, 12w, 36h, 30m, 2y
          --format FORMAT    json (default) or table
          --season N         Season length in steps (default: a day of sub-daily points, a week of daily
                             points, a year of weekly or monthly points; 0 = none)
          --no-steps         Do not look for step changes
          -h, --help         Show this help

        JSON output: {"method" (combination, or the classic model for very short series), "members",
        "score" (backtest mean absolute error), "baselineScore" (least-squares line's),
        "scores" (every model's), "step" (detected step change or null), "cadenceSeconds", "cadence" (e.g.
        "calendar months"), "season", "unit" (bytes, ratio or null), "notes" (what was done to the input),
        "points": [{"timestamp", "p10", "p50", "p90"}] at the input's cadence over the horizon}.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = CliArguments.Parse(args, ["--input", "--column", "--horizon", "--format", "--season"], ["--no-steps"]);
        if (options.Help)
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        var series = TimeValueCsv.Read(options.Require("--input"), options.Get("--column"));
        foreach (var note in series.Notes)
        {
            stderr.WriteLine($"note: {note}");
        }

        var horizon = HorizonParser.Parse(options.Get("--horizon", "18mo")!);
        var format = options.Get("--format", "json")!;
        if (format is not ("json" or "table"))
        {
            throw new CliException($"--format '{format}' is not json or table.");
        }

        var season = series.Grid.Cadence.Season;

        if (options.Get("--season") is { } s)
        {
            season = int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 && n != 1
                ? n : throw new CliException($"--season '{s}' must be 0 or an integer of at least 2.");
        }

        var steps = (int)Math.Max(1, Math.Round(horizon.Ticks / (double)series.Cadence.Ticks));
        var result = Forecaster.Forecast(series.Values, new ForecastOptions(steps, season, DetectSteps: !options.Flag("--no-steps")));
        if (format == "json")
        {
            WriteJson(stdout, series, result, season);
        }
        else
        {
            WriteTable(stdout, series, result);
        }

        return 0;
    }

    private static void WriteJson(TextWriter stdout, TimeValueSeries series, ForecastResult result, int season)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("method", result.Method);
            json.WriteString("members", result.Members);
            Number(json, "score", result.Score);
            Number(json, "baselineScore", result.BaselineScore);
            json.WriteString("scoreMetric", "mae");
            json.WriteStartObject("scores");
            foreach (var (name, score) in result.Scores)
            {
                Number(json, name, score);
            }

            json.WriteEndObject();
            if (result.Step is { } step)
            {
                json.WriteStartObject("step");
                json.WriteString("timestamp", Format(series.TimeAt(step.Index)));
                json.WriteNumber("jump", step.Jump);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("step");
            }

            json.WriteNumber("cadenceSeconds", series.Cadence.TotalSeconds);
            json.WriteString("cadence", series.Grid.Cadence.ToString());
            json.WriteNumber("season", season);
            if (series.Unit is { } unit)
            {
                json.WriteString("unit", unit);
            }
            else
            {
                json.WriteNull("unit");
            }

            json.WriteStartArray("notes");
            foreach (var note in series.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteNumber("intervalScale", result.IntervalScale);
            json.WriteStartArray("points");
            for (var h = 0; h < result.P50.Length; h++)
            {
                json.WriteStartObject();
                json.WriteString("timestamp", Format(series.After(h + 1)));
                json.WriteNumber("p10", result.P10[h]);
                json.WriteNumber("p50", result.P50[h]);
                json.WriteNumber("p90", result.P90[h]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(TextWriter stdout, TimeValueSeries series, ForecastResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"method {result.Method}; backtest MAE {result.Score:G4} (least-squares line {result.BaselineScore:G4})"));
        stdout.WriteLine(result.Step is { } step
            ? string.Create(inv, $"step change at {Format(series.TimeAt(step.Index))} (jump {step.Jump:G4}): forecast from the new level")
            : "no step change detected");
        stdout.WriteLine(string.Create(inv, $"{"timestamp",-25} {"p10",14} {"p50",14} {"p90",14}"));
        for (var h = 0; h < result.P50.Length; h++)
        {
            stdout.WriteLine(string.Create(inv, $"{Format(series.After(h + 1)),-25} {result.P10[h],14:G6} {result.P50[h],14:G6} {result.P90[h],14:G6}"));
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Format(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
