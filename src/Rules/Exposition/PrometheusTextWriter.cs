using System.Globalization;
using System.Text;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Exposition;

/// <summary>Writes the Prometheus text exposition format 0.0.4 (HELP, TYPE, samples with escaped label values).</summary>
public sealed class PrometheusTextWriter
{
    /// <summary>The content type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _sb;

    public PrometheusTextWriter(StringBuilder sb) => _sb = sb;

    /// <summary>Writes the <c># HELP</c> and <c># TYPE</c> lines of a metric family.</summary>
    public void Family(string name, string type, string help)
    {
        _sb.Append("# HELP ").Append(name).Append(' ');
        AppendEscaped(help, escapeQuotes: false);
        _sb.Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    /// <summary>Writes one sample line.</summary>
    public void Sample(string name, LabelSet labels, double value)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _sb.Append(name);
        if (labels.Count > 0)
        {
            _sb.Append('{');
            for (var i = 0; i < labels.Count; i++)
            {
                if (i > 0)
                {
                    _sb.Append(',');
                }

                _sb.Append(labels[i].Key).Append("=\"");
                AppendEscaped(labels[i].Value, escapeQuotes: true);
                _sb.Append('"');
            }

            _sb.Append('}');
        }

        _sb.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    /// <summary>Formats a value as the format wants it (NaN, +Inf, -Inf, shortest round-trip otherwise).</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private void AppendEscaped(string text, bool escapeQuotes)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    _sb.Append("\\\\");
                    break;
                case '\n':
                    _sb.Append("\\n");
                    break;
                case '"' when escapeQuotes:
                    _sb.Append("\\\"");
                    break;
                default:
                    _sb.Append(c);
                    break;
            }
        }
    }
}
