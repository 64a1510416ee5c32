using System.Buffers;
using System.Globalization;
using System.Text;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Exposition;

/// <summary>
/// Writes the Prometheus text exposition format 0.0.4 (HELP, TYPE, samples with escaped label values) as UTF-8.
/// Over a byte sink (the response's <c>PipeWriter</c>) it fills one reused buffer and hands it on when full, so a
/// scrape of millions of series never holds its text: no string per sample, labels and values encoded in place.
/// </summary>
public sealed class PrometheusTextWriter
{
    /// <summary>The content type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2); an escape takes 2 for 1.
    private const int MaxBytesPerChar = 3;

    private readonly IBufferWriter<byte>? _sink;
    private readonly StringBuilder? _text;
    private byte[] _buffer;
    private int _used;

    /// <summary>A writer appending to text (contributors' tests, small outputs): each call appends what it wrote.</summary>
    public PrometheusTextWriter(StringBuilder sb)
    {
        _text = sb ?? throw new ArgumentNullException(nameof(sb));
        _buffer = new byte[1024];
    }

    /// <summary>A writer handing UTF-8 to <paramref name="sink"/> whenever its buffer fills, and on <see cref="Flush"/>.</summary>
    public PrometheusTextWriter(IBufferWriter<byte> sink, int bufferSize = 32 * 1024)
    {
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _buffer = new byte[Math.Max(bufferSize, 1024)];
    }

    /// <summary>Bytes handed to the sink so far (the caller flushes the sink every so many).</summary>
    public long HandedOn { get; private set; }

    /// <summary>Writes the <c># HELP</c> and <c># TYPE</c> lines of a metric family.</summary>
    public void Family(string name, string type, string help)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(help);
        Raw("# HELP "u8);
        Plain(name);
        Raw(" "u8);
        Escaped(help, escapeQuotes: false);
        Raw("\n# TYPE "u8);
        Plain(name);
        Raw(" "u8);
        Plain(type);
        Raw("\n"u8);
        EndCall();
    }

    /// <summary>Writes one sample line.</summary>
    public void Sample(string name, LabelSet labels, double value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(labels);
        Plain(name);
        if (labels.Count > 0)
        {
            Raw("{"u8);
            for (var i = 0; i < labels.Count; i++)
            {
                var (key, text) = labels[i];
                if (i > 0)
                {
                    Raw(","u8);
                }

                Plain(key);
                Raw("=\""u8);
                Escaped(text, escapeQuotes: true);
                Raw("\""u8);
            }

            Raw("}"u8);
        }

        Raw(" "u8);
        Value(value);
        Raw("\n"u8);
        EndCall();
    }

    /// <summary>Hands what is buffered to the sink (the caller then flushes the sink itself).</summary>
    public void Flush()
    {
        if (_sink is null || _used == 0)
        {
            return;
        }

        _sink.Write(_buffer.AsSpan(0, _used));
        HandedOn += _used;
        _used = 0;
    }

    /// <summary>Formats a value as the format wants it (NaN, +Inf, -Inf, shortest round-trip otherwise).</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private void Value(double value)
    {
        if (!double.IsFinite(value))
        {
            Raw(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "+Inf"u8 : "-Inf"u8);
            return;
        }

        // The same formatting as FormatValue ("R", invariant), written as UTF-8 in place; 32 bytes hold any double.
        Reserve(32);
        if (!value.TryFormat(_buffer.AsSpan(_used), out var written, "R", CultureInfo.InvariantCulture))
        {
            Raw(Encoding.UTF8.GetBytes(FormatValue(value)));
            return;
        }

        _used += written;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Plain(string text)
    {
        Reserve(text.Length * MaxBytesPerChar);
        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void Escaped(string text, bool escapeQuotes)
    {
        var rest = text.AsSpan();
        Reserve(rest.Length * MaxBytesPerChar);
        while (true)
        {
            // Runs between escapes are encoded whole: the escaped characters are ASCII, so a cut never splits a
            // surrogate pair, and a lone surrogate becomes U+FFFD as when the whole text was encoded before.
            var at = escapeQuotes ? rest.IndexOfAny('\\', '\n', '"') : rest.IndexOfAny('\\', '\n');
            if (at < 0)
            {
                _used += Encoding.UTF8.GetBytes(rest, _buffer.AsSpan(_used));
                return;
            }

            _used += Encoding.UTF8.GetBytes(rest[..at], _buffer.AsSpan(_used));
            _buffer[_used++] = (byte)'\\';
            _buffer[_used++] = rest[at] == '\n' ? (byte)'n' : (byte)rest[at];
            rest = rest[(at + 1)..];
        }
    }

    private void Reserve(int bytes)
    {
        if (_used + bytes <= _buffer.Length)
        {
            return;
        }

        Flush();
        if (_used + bytes > _buffer.Length)
        {
            // Text mode keeps everything of a call; a sink gets the buffer first, so only a huge value grows it.
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + bytes));
        }
    }

    private void EndCall()
    {
        if (_text is null)
        {
            return;
        }

        _text.Append(Encoding.UTF8.GetString(_buffer, 0, _used));
        _used = 0;
    }
}
