using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>
/// The real Rules app on Kestrel, on a free loopback port, for HTTP-level tests. Without credentials
/// (<c>Auth:Mode=none</c>, loopback only) unless the test passes its own <c>--Auth:…</c> arguments, which come later
/// and win: <see cref="StartWithTokensAsync"/>.
/// </summary>
public sealed class RunningRules : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningRules(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<RunningRules> StartAsync(params string[] args)
    {
        var app = RulesApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Auth:Mode", "none", .. StatePaths(), .. args]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningRules(app, new Uri(address));
    }

    /// <summary>Rules requiring tokens (<c>Auth:Mode=tokens</c>) with the given <c>--Auth:Tokens:…</c> and other arguments.</summary>
    public static Task<RunningRules> StartWithTokensAsync(params string[] args) => StartAsync(["--Auth:Mode", "tokens", .. args]);

    /// <summary>A fresh temporary folder for this instance's SQLite files (state and history).</summary>
    private static string[] StatePaths()
    {
        var directory = Directory.CreateTempSubdirectory("azlm-rules-").FullName;
        return ["--State:Path", Path.Combine(directory, "rules.db"), "--History:Path", Path.Combine(directory, "history.db")];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
