using System.Diagnostics;
using System.Globalization;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>A peer (Prometheus, VictoriaMetrics) the harness starts on loopback for its phase and stops after.</summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PeerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
        Meter = new ProcessMeter(process.Id);
    }

    public Uri Url { get; }

    public ProcessMeter Meter { get; }

    public static async Task<PeerProcess> StartAsync(string file, IEnumerable<string> args, Uri url, string readyPath, string logPath)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new PeerProcess(process, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{file} exited with {process.ExitCode}; see {logPath}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(url, readyPath)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return peer;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        throw new TimeoutException($"{file} not ready at {url}{readyPath} within 60 s; see {logPath}");
    }

    /// <summary>Sum of every sample of <paramref name="metric"/> (any labels) on a Prometheus text endpoint.</summary>
    public static async Task<double> ReadMetricAsync(HttpClient http, Uri url, string metric)
    {
        ArgumentNullException.ThrowIfNull(http);
        var text = await http.GetStringAsync(url).ConfigureAwait(false);
        double sum = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(metric, StringComparison.Ordinal) && line.Length > metric.Length && (line[metric.Length] == ' ' || line[metric.Length] == '{'))
            {
                sum += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
