namespace AzLocalMonitor.Rules.Capacity;

/// <summary><c>GET /api/v1/capacity</c> (fleet summary), <c>/api/v1/capacity/{cluster}</c> (everything), <c>/api/v1/capacity/{cluster}/report</c> (HTML).</summary>
public static class CapacityEndpoints
{
    /// <summary>Maps the capacity endpoints.</summary>
    public static IEndpointRouteBuilder MapCapacityEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/capacity", Fleet);
        app.MapGet("/api/v1/capacity/{cluster}", Cluster);
        app.MapGet("/api/v1/capacity/{cluster}/report", Report);
        return app;
    }

    /// <summary>Every cluster: resources with method, current ratio, forecast at the horizon and crossing dates.</summary>
    public static IResult Fleet(CapacityBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return Results.Json(new { clusters = board.Forecasts.Select(c => CapacityDto.Summary(c, includeSeries: false)) });
    }

    /// <summary>One cluster: the model now (usable, reserve, N+1, tolerance) and every resource with history and forecast points.</summary>
    public static IResult Cluster(string cluster, CapacityBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return board.Find(cluster) is { } capacity
            ? Results.Json(CapacityDto.Summary(capacity, includeSeries: true))
            : Results.NotFound(new { error = $"No capacity forecast for cluster '{cluster}' yet (forecasts run every Capacity:ForecastInterval once history exists)." });
    }

    /// <summary>The HTML capacity report of one cluster.</summary>
    public static IResult Report(string cluster, CapacityBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return board.Find(cluster) is { } capacity
            ? Results.Content(Reporting.CapacityReport.Render([capacity], $"Capacity report: {cluster}"), "text/html; charset=utf-8")
            : Results.NotFound();
    }
}
