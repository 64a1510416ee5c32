using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>A loopback HTTP endpoint that records POST bodies (other methods get 404); can fail the first N POSTs with 503.</summary>
public sealed class CapturingHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _failuresLeft;

    public CapturingHttpServer(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        var port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    /// <summary>Bodies of the requests answered 200.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>Requests answered 503.</summary>
    public int Refused { get; private set; }

    public async Task<string> WaitForBodyAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Bodies.FirstOrDefault(match) is { } body)
            {
                return body;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no matching request within {timeout}; got {Bodies.Count} bodies, refused {Refused}");
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            if (context.Request.HttpMethod != "POST")
            {
                // Not a delivery (e.g. Rules asking an Alertmanager for its configuration): not recorded, not refused.
                context.Response.StatusCode = 404;
                context.Response.Close();
                continue;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                Refused++;
                context.Response.StatusCode = 503;
            }
            else
            {
                Bodies.Enqueue(body);
                context.Response.StatusCode = 200;
            }

            context.Response.Close();
        }
    }
}
