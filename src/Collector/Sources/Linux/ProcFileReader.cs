using Microsoft.Win32.SafeHandles;

namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>
/// Reads small /proc files into one reused buffer, so a reading allocates nothing on the steady path.
/// /proc files report size 0, so it reads until end of file and grows the buffer when it fills. Not thread-safe.
/// </summary>
internal sealed class ProcFileReader
{
    private const int MaxSize = 1 << 20;
    private byte[] _buffer = new byte[16 * 1024];

    /// <summary>The file's bytes; valid until the next call.</summary>
    public ReadOnlySpan<byte> Read(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                if (_buffer.Length >= MaxSize)
                {
                    throw new IOException($"{path} is larger than {MaxSize} bytes.");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = RandomAccess.Read(handle, _buffer.AsSpan(length), length);
            if (read == 0)
            {
                return _buffer.AsSpan(0, length);
            }

            length += read;
        }
    }
}
