namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// Nelder–Mead simplex minimisation (reflection, expansion, contraction, shrink; the standard coefficients 1, 2,
/// ½, ½). Derivative-free, which suits likelihoods of exponential smoothing filters; bounds are the caller's job
/// (return +∞ outside them). Deterministic: same start, same answer.
/// </summary>
public static class NelderMead
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/>; returns the best point found.</summary>
    public static double[] Minimize(Func<double[], double> f, double[] start, double step = 0.1, int maxEvaluations = 400, double tolerance = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(start);
        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            points[i] = (double[])start.Clone();
            if (i > 0)
            {
                points[i][i - 1] += step;
            }

            values[i] = f(points[i]);
        }

        var evaluations = n + 1;
        var order = new int[n + 1];
        while (evaluations < maxEvaluations)
        {
            for (var i = 0; i <= n; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            var best = order[0];
            var worst = order[n];
            var second = order[n - 1];
            if (Math.Abs(values[worst] - values[best]) <= tolerance * (Math.Abs(values[best]) + tolerance))
            {
                break;
            }

            var centroid = new double[n];
            for (var i = 0; i <= n; i++)
            {
                if (i == worst)
                {
                    continue;
                }

                for (var d = 0; d < n; d++)
                {
                    centroid[d] += points[i][d] / n;
                }
            }

            double[] Along(double t) => [.. centroid.Select((c, d) => c + (t * (points[worst][d] - c)))];
            var reflected = Along(-1);
            var fr = f(reflected);
            evaluations++;
            if (fr < values[best])
            {
                var expanded = Along(-2);
                var fe = f(expanded);
                evaluations++;
                (points[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[second])
            {
                (points[worst], values[worst]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[worst] ? Along(-0.5) : Along(0.5);
                var fc = f(contracted);
                evaluations++;
                if (fc < Math.Min(fr, values[worst]))
                {
                    (points[worst], values[worst]) = (contracted, fc);
                }
                else
                {
                    for (var i = 0; i <= n; i++)
                    {
                        if (i == best)
                        {
                            continue;
                        }

                        points[i] = [.. points[i].Select((x, d) => points[best][d] + (0.5 * (x - points[best][d])))];
                        values[i] = f(points[i]);
                        evaluations++;
                    }
                }
            }
        }

        var argmin = 0;
        for (var i = 1; i <= n; i++)
        {
            argmin = values[i] < values[argmin] ? i : argmin;
        }

        return points[argmin];
    }
}
