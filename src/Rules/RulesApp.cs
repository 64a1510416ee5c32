using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Api;
using AzLocalMonitor.Rules.Auth;
using AzLocalMonitor.Rules.Capacity;
using AzLocalMonitor.Rules.Configuration;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.RemoteWrite;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.State;
using AzLocalMonitor.Rules.Web;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules;

/// <summary>Builds the Rules web application: configuration, services and endpoints.</summary>
public static class RulesApp
{
    /// <summary>The default listen address (README, "Rules").</summary>
    public const string DefaultUrl = "http://127.0.0.1:9480";

    /// <summary>Builds the app from command-line arguments (appsettings.json, environment and command line, in that order).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["Urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The slim builder leaves HTTPS configuration out: add it back, so --urls https://… serves the certificate of
        // the standard Kestrel keys (Kestrel:Certificates:Default:Path + KeyPath for PEM, or a PFX with Password).
        builder.WebHost.UseKestrelHttpsConfiguration();

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            o.SerializerOptions.WriteIndented = false;
            // Agents may send +Inf or NaN (valid OTLP doubles): written as "Infinity"/"NaN", not a 500 mid-response.
            o.SerializerOptions.NumberHandling |= System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        AddServices(builder.Services, builder.Configuration);
        builder.AddRulesTelemetry();
        builder.Services.AddRulesAuth(builder.Configuration);
        builder.Services.AddRulesRateLimits(builder.Configuration);
        builder.Services.AddCapacityPlanning(builder.Configuration);
        builder.Services.AddRemoteWrite(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        // Bad settings or a bad policy stop start-up with every error listed, before the host starts.
        ValidateAll(app.Services, ListenUrls(builder.Configuration));
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        AuthSetup.LogMode(app.Logger, auth, app.Services.GetRequiredService<TokenBook>());
        _ = app.Services.GetRequiredService<PolicyHolder>();
        var restored = app.Services.GetRequiredService<AlertPersistence>().Restore(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (restored > 0)
        {
            app.Logger.LogInformation("Restored {Count} alert(s) from the state store", restored);
        }
        RulesTelemetry.ObserveGauges(app.Services);
        var selfMetrics = SelfMetricsExposition.Create(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // after authentication: the partitions are token names

        // Every endpoint needs a viewer token unless it says otherwise (the fallback policy, AuthSetup).
        app.MapPost("/v1/metrics", OtlpEndpoint.HandleAsync).RequireAuthorization(AuthSetup.IngestPolicy).RequireRateLimiting(RateLimitSetup.IngestPolicy);
        var metrics = app.MapGet("/metrics", (HttpContext http, SeriesStore store, AlertBook book, TimeProvider time, IOptions<SeriesOptions> series, [Microsoft.AspNetCore.Mvc.FromServices] IEnumerable<IMetricsContributor> contributors) =>
            MetricsEndpoint.HandleAsync(http, store, book, selfMetrics, time, series, contributors));
        _ = auth.AnonymousMetrics ? metrics.AllowAnonymous() : metrics.RequireAuthorization(AuthSetup.ViewerPolicy);
        app.MapGet("/api/v1/alerts", ApiEndpoints.Alerts);
        app.MapGet("/api/v1/clusters", ApiEndpoints.Clusters);
        app.MapGet("/api/v1/clusters/{name}/alerts/history", ApiEndpoints.AlertHistory);
        app.MapGet("/api/v1/web/config", WebDashboardEndpoints.Config);
        app.MapGet("/api/v1/series", SeriesEndpoint.Handle);
        app.MapGet("/healthz", ApiEndpoints.Health).AllowAnonymous();
        app.MapGet("/api/v1/policy", PolicyEndpoints.Get);
        app.MapPost("/api/v1/policy/reload", PolicyEndpoints.ReloadAsync).RequireAuthorization(AuthSetup.OperatorPolicy).RequireRateLimiting(RateLimitSetup.WritesPolicy);
        MaintenanceEndpoints.Map(app);
        SilenceEndpoints.Map(app);
        LoginPage.Map(app);
        app.MapWebDashboard();
        app.MapCapacityEndpoints();
        app.MapGet("/", () => Results.Text(
            "AzLocalMonitor Rules\n\nPOST /v1/metrics   OTLP/HTTP (protobuf, JSON)\nGET  /metrics      Prometheus text format\n" +
            "GET  /api/v1/alerts\nGET  /api/v1/clusters\nGET  /healthz\n\nEvery endpoint but /healthz needs Authorization: Bearer <token> (docs/security.md).\n")).AllowAnonymous();
        return app;
    }

    /// <summary>Every address Rules will listen on: <c>urls</c> (or the default) and any <c>Kestrel:Endpoints:*:Url</c>.</summary>
    private static List<string> ListenUrls(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls;
    }

    private static void ValidateAll(IServiceProvider services, IEnumerable<string> listenUrls)
    {
        var failures = new List<string>();
        foreach (var read in new Func<object>[]
        {
            () => services.GetRequiredService<IOptions<AlertmanagerOptions>>().Value,
            () => services.GetRequiredService<IOptions<AlertingOptions>>().Value,
            () => services.GetRequiredService<IOptions<SeriesOptions>>().Value,
            () => services.GetRequiredService<IOptions<IngestOptions>>().Value,
            () => services.GetRequiredService<IOptions<AuthOptions>>().Value,
            () => services.GetRequiredService<IOptions<RemoteWriteOptions>>().Value,
            () => services.GetRequiredService<IOptions<OtelOptions>>().Value,
            () => services.GetRequiredService<IOptions<AzLocalMonitor.Rules.Kusto.KustoOptions>>().Value,
            () => services.GetRequiredService<IOptions<CapacityOptions>>().Value,
        })
        {
            try
            {
                read();
            }
            catch (OptionsValidationException ex)
            {
                failures.AddRange(ex.Failures);
            }
        }

        if (failures.Count == 0)
        {
            failures.AddRange(AuthSetup.CheckListenAddresses(services.GetRequiredService<IOptions<AuthOptions>>().Value, listenUrls));
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException("Rules", typeof(RulesApp), failures);
        }
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<AlertmanagerOptions>().Bind(configuration.GetSection(AlertmanagerOptions.Section)).ValidateOnStart();
        services.AddOptions<AlertingOptions>().Bind(configuration.GetSection(AlertingOptions.Section)).ValidateOnStart();
        services.AddOptions<SeriesOptions>().Bind(configuration.GetSection(SeriesOptions.Section)).ValidateOnStart();
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateOnStart();
        services.AddOptions<ShardOptions>().Bind(configuration.GetSection(ShardOptions.Section));
        services.AddSingleton<IValidateOptions<AlertmanagerOptions>, RulesOptionsValidator>();
        services.AddSingleton<IValidateOptions<AlertingOptions>, RulesOptionsValidator>();
        services.AddSingleton<IValidateOptions<SeriesOptions>, RulesOptionsValidator>();
        services.AddSingleton<IValidateOptions<IngestOptions>, RulesOptionsValidator>();

        services.AddSingleton<SeriesStore>();
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.Section));
        services.AddSingleton(sp => new ConditionCatalog(sp.GetServices<IAlertCondition>()));
        services.AddSingleton<PolicyLoader>();
        services.AddSingleton(sp => new PolicyHolder(sp.GetRequiredService<PolicyLoader>().LoadFiles(sp.GetRequiredService<IOptions<PolicyOptions>>().Value.AllFiles())));
        services.AddOptions<StateOptions>().Bind(configuration.GetSection(StateOptions.Section));
        services.AddSingleton<IStateStore>(sp => sp.GetRequiredService<IOptions<StateOptions>>().Value is { Path.Length: > 0 } state
            ? new SqliteStateStore(state.Path, state.HistoryRetention, state.HistoryMaxRows)
            : new NullStateStore());
        services.AddSingleton<AlertPersistence>();
        services.AddSingleton<IMetricsContributor, MaintenanceMetrics>();
        services.AddSingleton<IMetricsContributor, PolicyThresholdMetrics>();
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).Validate(o => o.Validate() is null, "Web:GrafanaUrl must be an absolute http(s) URL without a query").ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var schedule = new MaintenanceSchedule();
            schedule.ReplaceAll(PolicyWatcher.ConfigWindowPrefix, sp.GetRequiredService<PolicyHolder>().Current.MaintenanceWindows);
            foreach (var window in sp.GetRequiredService<IStateStore>().LoadWindows())
            {
                schedule.Upsert(window);
            }

            var book = sp.GetRequiredService<AlertBook>();
            schedule.Changed += book.RequestEvaluation;
            return schedule;
        });
        services.AddSingleton(sp =>
        {
            var silences = new SilenceBook();
            foreach (var silence in sp.GetRequiredService<IStateStore>().LoadSilences())
            {
                silences.Upsert(silence);
            }

            var book = sp.GetRequiredService<AlertBook>();
            silences.Changed += cluster =>
            {
                if (cluster is null)
                {
                    foreach (var alerts in book.Clusters)
                    {
                        alerts.EvaluateSoon = true;
                    }
                }
                else
                {
                    book.RequestEvaluation(cluster);
                }
            };
            return silences;
        });
        services.AddSingleton<PolicyWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<PolicyWatcher>());
        services.AddSingleton<AlertBook>();
        services.AddSingleton<RuleEngine>();
        services.AddSingleton<NotificationFactory>();
        services.AddSingleton<AlertOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertOutbox>());
        services.AddSingleton<AlertTimer>();
        services.AddSingleton<IngestPipeline>();
        services.AddHostedService<RuleTicker>();

        // Destinations: every Alertmanager (Alertmanager:Url and Alertmanager:Urls:N, the members of an Alertmanager
        // cluster) and any generic webhooks (Webhooks:N:Url); none → alerts are only kept and exposed.
        var webhooks = configuration.GetSection(WebhookOptions.Section).Get<List<WebhookOptions>>()?.Where(w => !string.IsNullOrWhiteSpace(w.Url)).ToList() ?? [];
        var hasAlertmanager = !string.IsNullOrWhiteSpace(configuration[$"{AlertmanagerOptions.Section}:Url"])
            || configuration.GetSection($"{AlertmanagerOptions.Section}:Urls").GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));
        if (!hasAlertmanager && webhooks.Count == 0)
        {
            services.AddSingleton<IAlertNotifier, NullNotifier>();
            return;
        }

        services.AddHttpClient("alertmanager").AddDeliveryResilience();
        services.AddHttpClient("webhook").AddDeliveryResilience();
        if (hasAlertmanager)
        {
            services.AddHttpClient("alertmanager-status", c => c.Timeout = TimeSpan.FromSeconds(10));
            services.AddHostedService<AlertmanagerConfigCheck>();
        }

        services.AddSingleton<IReadOnlyList<HttpAlertSender>>(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>();
            var delivery = sp.GetRequiredService<IOptions<AlertmanagerOptions>>();
            var metrics = sp.GetRequiredService<SelfMetrics>();
            var senders = new List<HttpAlertSender>();
            foreach (var url in delivery.Value.AllUrls())
            {
                senders.Add(new AlertmanagerNotifier(http.CreateClient("alertmanager"), url, delivery.Value, metrics, sp.GetRequiredService<ILogger<AlertmanagerNotifier>>()));
            }

            foreach (var webhook in webhooks)
            {
                senders.Add(new WebhookNotifier(http.CreateClient("webhook"), webhook, delivery.Value, metrics, sp.GetRequiredService<ILogger<WebhookNotifier>>()));
            }

            return senders;
        });
        services.AddSingleton<IAlertNotifier>(sp => new CompositeNotifier(sp.GetRequiredService<IReadOnlyList<HttpAlertSender>>()));
        services.AddHostedService(sp => new SenderHost(sp.GetRequiredService<IReadOnlyList<HttpAlertSender>>()));
    }
}
