using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>
/// Reloads the policy when a policy file changes (and on request through the API). A policy with errors is not
/// put in force: the previous one stays and the errors are logged and returned. Alert state is kept.
/// </summary>
public sealed partial class PolicyWatcher : BackgroundService
{
    /// <summary>Id prefix of maintenance windows that come from policy files.</summary>
    public const string ConfigWindowPrefix = "config:";

    private readonly PolicyLoader _loader;
    private readonly PolicyHolder _holder;
    private readonly MaintenanceSchedule _schedule;
    private readonly AlertBook _book;
    private readonly PolicyOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PolicyWatcher> _logger;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);

    public PolicyWatcher(PolicyLoader loader, PolicyHolder holder, MaintenanceSchedule schedule, AlertBook book,
        IOptions<PolicyOptions> options, TimeProvider time, ILogger<PolicyWatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _loader = loader;
        _holder = holder;
        _schedule = schedule;
        _book = book;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Reloads every policy file; returns the errors (empty: the new policy is in force).</summary>
    public async Task<IReadOnlyList<PolicyError>> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var policy = _loader.LoadFiles(_options.AllFiles());
            _holder.Swap(policy, _time.GetUtcNow());
            _schedule.ReplaceAll(ConfigWindowPrefix, policy.MaintenanceWindows);
            foreach (var cluster in _book.Clusters)
            {
                cluster.EvaluateSoon = true;
            }

            LogReloaded(_logger, policy.Rules.Count, string.Join(", ", policy.Sources));
            return [];
        }
        catch (PolicyException ex)
        {
            LogRejected(_logger, ex.Message);
            return ex.Errors;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Watch)
        {
            return;
        }

        var changed = new SemaphoreSlim(0);
        var watchers = new List<FileSystemWatcher>();
        foreach (var file in _options.AllFiles().Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            var directory = Path.GetDirectoryName(file);
            if (directory is null || !Directory.Exists(directory))
            {
                continue;
            }

            var watcher = new FileSystemWatcher(directory, Path.GetFileName(file)) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            watcher.Changed += (_, _) => changed.Release();
            watcher.Created += (_, _) => changed.Release();
            watcher.Renamed += (_, _) => changed.Release();
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(300), _time, stoppingToken).ConfigureAwait(false); // editors write in bursts
                while (changed.CurrentCount > 0)
                {
                    await changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                }

                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    public override void Dispose()
    {
        _reloadGate.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerting policy reloaded: {Count} rules from {Sources}")]
    private static partial void LogReloaded(ILogger logger, int count, string sources);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alerting policy not reloaded, the previous one stays in force. {Errors}")]
    private static partial void LogRejected(ILogger logger, string errors);
}
