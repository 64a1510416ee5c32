using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>Wakes the alert engine every <see cref="AlertingOptions.TickInterval"/> for time-driven work.</summary>
public sealed partial class RuleTicker : BackgroundService
{
    private readonly AlertTimer _timer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<RuleTicker> _logger;

    public RuleTicker(AlertTimer timer, TimeProvider time, IOptions<AlertingOptions> options, ILogger<RuleTicker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timer = timer;
        _time = time;
        _interval = options.Value.TickInterval;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                _timer.Tick();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTickFailed(_logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule evaluation tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception ex);
}
