using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Tests.Building;

public class GridLayoutTests
{
    [Fact]
    public void Place_ThreeThirds_FillOneLineLeftToRight()
    {
        var layout = new GridLayout();

        var positions = Enumerable.Range(0, 3).Select(_ => layout.Place(8, 6)).ToList();

        Assert.Equal([new GridPos(6, 8, 0, 0), new GridPos(6, 8, 8, 0), new GridPos(6, 8, 16, 0)], positions);
    }

    [Fact]
    public void Place_PanelThatDoesNotFit_WrapsBelowTallestPanelOfLine()
    {
        var layout = new GridLayout();
        layout.Place(10, 4);
        layout.Place(10, 9);

        var wrapped = layout.Place(8, 5);

        Assert.Equal(new GridPos(5, 8, 0, 9), wrapped);
    }

    [Fact]
    public void PlaceRow_AfterPanels_StartsBelowThemAndTakesFullWidth()
    {
        var layout = new GridLayout();
        layout.Place(6, 7);

        var row = layout.PlaceRow();
        var next = layout.Place(6, 3);

        Assert.Equal(new GridPos(1, 24, 0, 7), row);
        Assert.Equal(new GridPos(3, 6, 0, 8), next);
    }

    [Fact]
    public void Place_FullWidthPanel_NextPanelGoesOnNewLine()
    {
        var layout = new GridLayout();
        layout.Place(24, 5);

        Assert.Equal(new GridPos(4, 4, 0, 5), layout.Place(4, 4));
    }

    [Fact]
    public void NewLine_WithRoomLeft_StartsNextPanelAtColumnZero()
    {
        var layout = new GridLayout();
        layout.Place(4, 4);
        layout.NewLine();

        Assert.Equal(new GridPos(4, 4, 0, 4), layout.Place(4, 4));
    }
}
