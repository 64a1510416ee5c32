using System.Text.Json;
using AzLocalMonitor.Collector.Export.Spool;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// A small JSON file with the agent's health (for a person, a health probe or a script): last successful export
/// per destination, batches pending, spool depth and bytes, drops and poisoned batches. Rewritten (atomically,
/// by rename) after every spooled or acknowledged batch.
/// </summary>
internal sealed class StatusFile
{
    private readonly string _path;
    private readonly BatchSpool _spool;
    private readonly IReadOnlyList<DestinationStatus> _destinations;
    private readonly TimeProvider _time;
    private readonly string _node;
    private readonly Lock _lock = new();

    public StatusFile(string path, string node, BatchSpool spool, IReadOnlyList<DestinationStatus> destinations, TimeProvider time)
    {
        _path = System.IO.Path.GetFullPath(path);
        _node = node;
        _spool = spool;
        _destinations = destinations;
        _time = time;
    }

    public string FilePath => _path;

    /// <summary>Writes the current status; a failure to write is not the export's problem and is ignored.</summary>
    public void Write()
    {
        lock (_lock)
        {
            try
            {
                var temporary = _path + ".tmp";
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.Read))
                using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    WriteJson(json);
                }

                File.Move(temporary, _path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the next write tries again
            }
        }
    }

    private void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("node", _node);
        json.WriteString("updated", _time.GetUtcNow());
        json.WriteStartObject("spool");
        json.WriteString("path", _spool.DirectoryPath);
        json.WriteNumber("lastSequence", _spool.LastSequence);
        json.WriteNumber("depth", _spool.Depth);
        json.WriteNumber("bytes", _spool.Bytes);
        json.WriteNumber("dropped", _spool.Dropped);
        json.WriteNumber("poisoned", _spool.Poisoned);
        json.WriteEndObject();
        json.WriteStartArray("destinations");
        foreach (var destination in _destinations)
        {
            json.WriteStartObject();
            json.WriteString("name", destination.Destination.Name);
            json.WriteString("endpoint", destination.Destination.Endpoint.ToString());
            json.WriteNumber("acknowledgedSequence", _spool.Cursor(destination.Destination.Name));
            json.WriteNumber("pending", _spool.Pending(destination.Destination.Name));
            if (destination.LastSuccess is { } at)
            {
                json.WriteString("lastSuccess", at);
            }
            else
            {
                json.WriteNull("lastSuccess");
            }

            json.WriteString("lastError", destination.LastError);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
