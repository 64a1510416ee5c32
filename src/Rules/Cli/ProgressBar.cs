namespace AzLocalMonitor.Rules.Cli;

/// <summary>A one-line progress bar on stderr (redrawn with \r), for reports over many clusters.</summary>
public sealed class ProgressBar
{
    private readonly TextWriter _writer;
    private readonly int _total;
    private int _done;

    public ProgressBar(TextWriter writer, int total)
    {
        _writer = writer;
        _total = Math.Max(1, total);
    }

    /// <summary>Marks one more item done and redraws.</summary>
    public void Step(string label)
    {
        _done++;
        const int width = 30;
        var filled = _done * width / _total;
        _writer.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {_done}/{_total} {label,-30}");
        if (_done >= _total)
        {
            _writer.WriteLine();
        }
    }
}
