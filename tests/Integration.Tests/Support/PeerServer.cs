namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>
/// A real peer binary (Prometheus, Alertmanager) run for a test: its process, its temporary data folder, its
/// loopback address; waits for its <c>/-/ready</c>, and on dispose kills it and removes the folder.
/// </summary>
public abstract class PeerServer : IAsyncDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _directory;

    protected PeerServer(ManagedProcess process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process printed (for failure messages).</summary>
    public string Output => _process.Output;

    /// <summary>SIGKILL: the peer dies without a word to anyone (its cluster peers find out by themselves).</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits until the peer answers <c>/-/ready</c>.</summary>
    protected async Task WaitReadyAsync(string name, TimeSpan timeout)
    {
        using var http = new HttpClient();
        await Poll.UntilAsync(
            async () => (await http.GetAsync(new Uri(BaseAddress, "/-/ready"))).IsSuccessStatusCode ? "ready" : null,
            timeout, $"{name} to be ready", () => _process.Output);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }

        GC.SuppressFinalize(this);
    }
}
