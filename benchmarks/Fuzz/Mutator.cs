using System.Text;

namespace AzLocalMonitor.Fuzz;

/// <summary>
/// Seeded mutations of seed inputs: byte flips, interesting bytes, truncation, deletion, duplication, insertion of
/// random bytes or interesting tokens, and splicing with another seed; for text, line-level edits too.
/// </summary>
public sealed class Mutator
{
    /// <summary>Values that break parsers: edges of numbers and durations, YAML/JSON punctuation, odd characters.</summary>
    public static readonly string[] Tokens =
    [
        "", "0", "-1", "1e308", "-1e308", "1e-320", "NaN", "Infinity", "-Infinity", "99999999999999", "99999999999999d",
        "2147483648", "-9223372036854775809", "18446744073709551616", "0.0000001", "~", "null", "true", "[]", "{}", "[",
        "{", "}", "]", ":", ": ", "- ", "? ", "&a ", "*a", "!!binary ", "!!int ", "!!map ", "<<: *a", "'", "\"", "\\",
        "\t", "\0", "\u00A0", "é", "\uFFFF", "\uD800", "%", "#", "|", ">", "---", "...", "{{", "}}", "0s", "1h", "-5m",
        "10000d", "P1D", "1.5h", "* * * * * ?", "0 0 22 ? * TUE", "0 0 0 29 2 ? 2100", "2100-01-01T00:00:00Z", "0001-01-01",
        "9999-12-31T23:59:59Z", "1958-06", "value_TiB", "used (GB)", "cpu_percent", "NA", ",", "\n", "\r\n", "__name__",
        "__x", "le", "cluster", "node", "state", "alertname=~\".*\"", "cluster!=\"\"", "*", "?", "../../etc/passwd",
        new string('a', 300), new string('9', 40), new string('[', 64),
    ];

    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x0A, 0x22, 0x3A, 0x2C, 0x7B, 0x5B, 0x08, 0x0F, 0x12, 0x1A];

    private readonly Random _random;

    public Mutator(Random random) => _random = random;

    public Random Random => _random;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string Token() => Pick(Tokens);

    /// <summary>One to a few byte-level mutations of <paramref name="seed"/>, possibly spliced with <paramref name="other"/>.</summary>
    public byte[] MutateBytes(byte[] seed, byte[] other)
    {
        var data = new List<byte>(seed);
        var count = _random.Next(10) == 0 ? _random.Next(5, 20) : _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var at = data.Count == 0 ? 0 : _random.Next(data.Count);
            switch (_random.Next(10))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = (byte)_random.Next(256);
                    break;
                case 2 when data.Count > 0:
                    data[at] = Pick(InterestingBytes);
                    break;
                case 3:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 4 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, _random.Next(1, 64)));
                    break;
                case 5 when data.Count > 0:
                    var length = Math.Min(data.Count - at, _random.Next(1, 256));
                    var copy = data.GetRange(at, length);
                    var times = _random.Next(1, 4);
                    for (var t = 0; t < times; t++)
                    {
                        data.InsertRange(_random.Next(data.Count + 1), copy);
                    }

                    break;
                case 6:
                    var random = new byte[_random.Next(1, 16)];
                    _random.NextBytes(random);
                    data.InsertRange(at, random);
                    break;
                case 7:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Token()));
                    break;
                case 8 when other.Length > 0:
                    var from = _random.Next(other.Length);
                    var take = Math.Min(other.Length - from, _random.Next(1, 512));
                    var cut = Math.Min(data.Count - at, _random.Next(0, 512));
                    data.RemoveRange(at, cut);
                    data.InsertRange(at, other.AsSpan(from, take).ToArray());
                    break;
                default:
                    if (data.Count > 0)
                    {
                        // A varint-looking run: lengths and tags that overflow.
                        data.InsertRange(at, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, (byte)_random.Next(3)]);
                    }

                    break;
            }
        }

        return [.. data];
    }

    /// <summary>Line- and token-level mutations of a text seed (YAML, JSON, CSV), or byte-level ones now and then.</summary>
    public string MutateText(string seed, string other)
    {
        if (_random.Next(4) == 0)
        {
            return Encoding.UTF8.GetString(MutateBytes(Encoding.UTF8.GetBytes(seed), Encoding.UTF8.GetBytes(other)));
        }

        var lines = new List<string>(seed.Split('\n'));
        var otherLines = other.Split('\n');
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            if (lines.Count == 0)
            {
                lines.Add(Token());
                continue;
            }

            var at = _random.Next(lines.Count);
            var line = lines[at];
            switch (_random.Next(9))
            {
                case 0:
                    lines[at] = ReplaceWord(line, Token());
                    break;
                case 1:
                    lines[at] = line.Insert(_random.Next(line.Length + 1), Token());
                    break;
                case 2:
                    lines.RemoveAt(at);
                    break;
                case 3:
                    var length = Math.Min(lines.Count - at, _random.Next(1, 12));
                    lines.InsertRange(_random.Next(lines.Count + 1), lines.GetRange(at, length));
                    break;
                case 4:
                    lines.Insert(at, Pick(otherLines));
                    break;
                case 5:
                    var indent = line.Length - line.TrimStart().Length;
                    lines[at] = new string(' ', Math.Max(0, indent + _random.Next(-4, 5))) + line.TrimStart();
                    break;
                case 6:
                    lines[at] = line[..(_random.Next(line.Length + 1))];
                    break;
                case 7:
                    var j = _random.Next(lines.Count);
                    (lines[at], lines[j]) = (lines[j], lines[at]);
                    break;
                default:
                    lines[at] = ReplaceWord(line, NumberLike());
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>A number, duration, date or time as parsers meet them, often at an edge.</summary>
    public string NumberLike() => _random.Next(8) switch
    {
        0 => _random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => (_random.NextDouble() * Math.Pow(10, _random.Next(-30, 30))).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        2 => _random.Next(-100, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture) + Pick(["s", "m", "h", "d", "w", "mo", "y", "ms", ""]),
        3 => new DateTimeOffset(_random.NextInt64(DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        4 => _random.Next(0, 10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + "-" + _random.Next(0, 14).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
        5 => "-" + _random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        6 => "0." + _random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Token(),
    };

    private string ReplaceWord(string line, string replacement)
    {
        if (line.Length == 0)
        {
            return replacement;
        }

        var start = _random.Next(line.Length);
        while (start > 0 && char.IsLetterOrDigit(line[start - 1]))
        {
            start--;
        }

        var end = start;
        while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] is '.' or '-' or '_' or ':'))
        {
            end++;
        }

        return string.Concat(line.AsSpan(0, start), replacement, line.AsSpan(end));
    }
}
