namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A panel's place on Grafana's 24-column grid: height and width in grid units, x column, y row.</summary>
public sealed record GridPos(int H, int W, int X, int Y)
{
    /// <summary>Grafana's grid width in columns.</summary>
    public const int Columns = 24;

    /// <summary>True when the two rectangles share at least one grid cell.</summary>
    public bool Overlaps(GridPos other) =>
        X < other.X + other.W && other.X < X + W && Y < other.Y + other.H && other.Y < Y + H;
}
