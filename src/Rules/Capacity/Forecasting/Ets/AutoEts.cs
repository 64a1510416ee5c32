namespace AzLocalMonitor.Rules.Capacity.Forecasting.Ets;

/// <summary>Fits the whole ETS family (<see cref="EtsSpec.Family"/>) to a series and ranks the fits by AICc, as R's <c>ets()</c> selects.</summary>
public static class AutoEts
{
    /// <summary>Every model that applies, best (lowest AICc) first.</summary>
    public static IReadOnlyList<EtsFit> Rank(ReadOnlySpan<double> y, int season)
    {
        var fits = new List<EtsFit>();
        foreach (var spec in EtsSpec.Family)
        {
            if (EtsEstimator.Fit(y, spec, season) is { } fit && double.IsFinite(fit.Aicc))
            {
                fits.Add(fit);
            }
        }

        return [.. fits.OrderBy(f => f.Aicc)];
    }
}
