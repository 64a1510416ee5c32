using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Building;

/// <summary>
/// Places panels left to right on Grafana's 24-column grid, wrapping to a new line when a panel does not fit;
/// a line is as tall as its tallest panel. Rows take a full-width line of height 1.
/// </summary>
public sealed class GridLayout
{
    private int _x;
    private int _y;
    private int _lineHeight;

    /// <summary>Places a panel of the given size after the previous one.</summary>
    public GridPos Place(int width, int height)
    {
        if (_x > 0 && _x + width > GridPos.Columns)
        {
            NewLine();
        }

        var pos = new GridPos(height, width, _x, _y);
        _x += width;
        _lineHeight = Math.Max(_lineHeight, height);
        if (_x >= GridPos.Columns)
        {
            NewLine();
        }

        return pos;
    }

    /// <summary>Places a row header on its own line.</summary>
    public GridPos PlaceRow()
    {
        NewLine();
        var pos = new GridPos(1, GridPos.Columns, 0, _y);
        _y += 1;
        return pos;
    }

    /// <summary>Ends the current line; the next panel starts at column 0 below the tallest panel of the line.</summary>
    public void NewLine()
    {
        _y += _lineHeight;
        _x = 0;
        _lineHeight = 0;
    }

    /// <summary>Makes sure later automatic placement starts below an explicitly placed panel.</summary>
    public void Reserve(GridPos pos)
    {
        ArgumentNullException.ThrowIfNull(pos);
        if (pos.Y + pos.H > _y + _lineHeight)
        {
            NewLine();
            _y = Math.Max(_y, pos.Y + pos.H);
        }
    }
}
