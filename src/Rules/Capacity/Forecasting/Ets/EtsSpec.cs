namespace AzLocalMonitor.Rules.Capacity.Forecasting.Ets;

/// <summary>Error, trend and season of an exponential smoothing state-space model (Hyndman et al. 2008 taxonomy).</summary>
public enum EtsError
{
    Additive,
    Multiplicative,
}

/// <summary>Trend component: none, additive, additive damped.</summary>
public enum EtsTrend
{
    None,
    Additive,
    Damped,
}

/// <summary>Seasonal component: none, additive, multiplicative.</summary>
public enum EtsSeason
{
    None,
    Additive,
    Multiplicative,
}

/// <summary>One ETS model, e.g. ETS(M,Ad,M).</summary>
public readonly record struct EtsSpec(EtsError Error, EtsTrend Trend, EtsSeason Season)
{
    /// <summary>
    /// The family searched, as R's <c>ets()</c> with <c>restrict = TRUE</c>: every combination except additive
    /// error with multiplicative season (infinite variance), and no multiplicative trend (it explodes over 18 months).
    /// </summary>
    public static IReadOnlyList<EtsSpec> Family { get; } =
    [
        .. from e in Enum.GetValues<EtsError>()
           from t in Enum.GetValues<EtsTrend>()
           from s in Enum.GetValues<EtsSeason>()
           where !(e == EtsError.Additive && s == EtsSeason.Multiplicative)
           select new EtsSpec(e, t, s),
    ];

    /// <summary>Name as the literature writes it: <c>ETS(A,Ad,M)</c>.</summary>
    public override string ToString() =>
        $"ETS({(Error == EtsError.Additive ? "A" : "M")},{Trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" }},{Season switch { EtsSeason.None => "N", EtsSeason.Additive => "A", _ => "M" }})";
}
