using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Telemetry.Tests.Wire;

/// <summary>Expected bytes from the protobuf encoding guide (protobuf.dev, "Encoding": 150 is 96 01, 300 is ac 02).</summary>
public class ByteBufferTests
{
    [Fact]
    public void WriteVarint_IsProtobufsBase128()
    {
        var buffer = new ByteBuffer(1);

        buffer.WriteVarint(150);
        buffer.WriteVarint(300);
        buffer.WriteVarint(1);

        Assert.Equal(new byte[] { 0x96, 0x01, 0xac, 0x02, 0x01 }, buffer.Span.ToArray());
    }

    [Fact]
    public void Insert_PutsALengthPrefixBeforeWhatWasWritten_AndGrowsTheArray()
    {
        // The guide's message { a: 150 } is 08 96 01; as a nested field 3 it is 1a 03 08 96 01.
        var buffer = new ByteBuffer(2);
        buffer.WriteByte(0x1a);
        var start = buffer.Length;
        buffer.Write([0x08, 0x96, 0x01]);

        buffer.Insert(start, [(byte)(buffer.Length - start)]);

        Assert.Equal(new byte[] { 0x1a, 0x03, 0x08, 0x96, 0x01 }, buffer.Span.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Insert(buffer.Length + 1, [0]));
    }
}
