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
        // Work buffers, reused every iteration: the likelihood is cheap enough that allocating trial points showed.
        var centroid = new double[n];
        var reflected = new double[n];
        var trial = new double[n];
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

            Array.Clear(centroid);
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

            void Along(double t, double[] into)
            {
                for (var d = 0; d < n; d++)
                {
                    into[d] = centroid[d] + (t * (points[worst][d] - centroid[d]));
                }
            }

            Along(-1, reflected);
            var fr = f(reflected);
            evaluations++;
            if (fr < values[best])
            {
                Along(-2, trial);
                var fe = f(trial);
                evaluations++;
                Array.Copy(fe < fr ? trial : reflected, points[worst], n);
                values[worst] = fe < fr ? fe : fr;
            }
            else if (fr < values[second])
            {
                Array.Copy(reflected, points[worst], n);
                values[worst] = fr;
            }
            else
            {
                Along(fr < values[worst] ? -0.5 : 0.5, trial);
                var fc = f(trial);
                evaluations++;
                if (fc < Math.Min(fr, values[worst]))
                {
                    Array.Copy(trial, points[worst], n);
                    values[worst] = fc;
                }
                else
                {
                    for (var i = 0; i <= n; i++)
                    {
                        if (i == best)
                        {
                            continue;
                        }

                        for (var d = 0; d < n; d++)
                        {
                            points[i][d] = points[best][d] + (0.5 * (points[i][d] - points[best][d]));
                        }

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
