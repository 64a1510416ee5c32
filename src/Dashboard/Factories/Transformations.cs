using System.Text.Json.Nodes;
using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Transformation factories for tables built from several instant queries.</summary>
public static class Transformations
{
    /// <summary>Joins the instant-query tables on their common label columns.</summary>
    public static Transformation Merge() => new("merge", []);

    /// <summary>Hides columns and renames others (<c>Value #A</c> → a header), keeping a fixed column order.</summary>
    public static Transformation Organize(IEnumerable<string> hide, params (string From, string To)[] rename)
    {
        var exclude = new JsonObject();
        foreach (var column in hide)
        {
            exclude[column] = true;
        }

        var names = new JsonObject();
        var order = new JsonObject();
        for (var i = 0; i < rename.Length; i++)
        {
            names[rename[i].From] = rename[i].To;
            order[rename[i].From] = i;
        }

        return new Transformation("organize", new JsonObject
        {
            ["excludeByName"] = exclude,
            ["includeByName"] = new JsonObject(),
            ["indexByName"] = order,
            ["renameByName"] = names,
        });
    }

    /// <summary>Columns Prometheus adds to instant tables that a NOC engineer does not need.</summary>
    public static IReadOnlyList<string> NoiseColumns { get; } = ["Time", "__name__", "job", "instance"];
}
