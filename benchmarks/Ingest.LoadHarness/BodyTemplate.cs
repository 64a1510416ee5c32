using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>
/// An encoded export request whose data-point times are rewritten in place before each send (protobuf: the
/// fixed64 field; JSON: the 19-digit string), so a round costs the harness a few stores, not a re-encoding.
/// </summary>
public sealed class BodyTemplate
{
    private readonly int[] _offsets;
    private readonly bool _json;

    public BodyTemplate(byte[] body, bool json)
    {
        Body = body;
        _json = json;
        var needle = json
            ? Encoding.ASCII.GetBytes(FleetShape.SentinelNanos.ToString(CultureInfo.InvariantCulture))
            : BitConverter.GetBytes(FleetShape.SentinelNanos);
        var offsets = new List<int>();
        for (var at = body.AsSpan().IndexOf(needle); at >= 0;)
        {
            offsets.Add(at);
            var next = body.AsSpan(at + needle.Length).IndexOf(needle);
            at = next < 0 ? -1 : at + needle.Length + next;
        }

        _offsets = [.. offsets];
    }

    public byte[] Body { get; }

    /// <summary>Number of data-point times found (= data points in the request).</summary>
    public int Points => _offsets.Length;

    /// <summary>Sets every data point's time. Not thread-safe: one sender per template at a time.</summary>
    public void SetTime(long unixMs)
    {
        var nanos = (ulong)unixMs * 1_000_000UL;
        Span<byte> digits = stackalloc byte[20];
        if (_json)
        {
            nanos.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
            if (written != 19)
            {
                throw new InvalidOperationException("a 19-digit Unix-nanosecond time is expected");
            }

            foreach (var offset in _offsets)
            {
                digits[..19].CopyTo(Body.AsSpan(offset));
            }

            return;
        }

        foreach (var offset in _offsets)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(Body.AsSpan(offset, 8), nanos);
        }
    }
}
