using AzLocalMonitor.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>The real Rules service on Kestrel, in this process, on a free loopback port.</summary>
public sealed class RulesServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RulesServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>host:port, for a Prometheus scrape target.</summary>
    public string Authority => BaseAddress.Authority;

    public static async Task<RulesServer> StartAsync(Uri? alertmanager, params string[] args)
    {
        var port = FreePort.Next();
        string[] all = ["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default", "Warning", .. StatePaths(), .. args];
        if (alertmanager is not null)
        {
            all = [.. all, "--Alertmanager:Url", alertmanager.ToString()];
        }

        var app = RulesApp.Build(all);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RulesServer(app, new Uri(address));
    }

    /// <summary>A fresh temporary folder for this instance's SQLite files (state and history).</summary>
    private static string[] StatePaths()
    {
        var directory = Directory.CreateTempSubdirectory("azlm-rules-").FullName;
        return ["--State:Path", Path.Combine(directory, "rules.db"), "--History:Path", Path.Combine(directory, "history.db")];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
