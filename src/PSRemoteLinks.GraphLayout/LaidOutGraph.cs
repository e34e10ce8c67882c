using System.Collections.Generic;

namespace PSRemoteLinks.GraphLayout
{
    /// <summary>A point in screen coordinates: x to the right, y downwards, (0,0) at the top left of the drawing.</summary>
    public readonly struct ScreenPoint
    {
        public ScreenPoint(double x, double y)
        {
            X = x;
            Y = y;
        }

        public double X { get; }

        public double Y { get; }
    }

    /// <summary>Where a box went: its top left corner and its size.</summary>
    public sealed class PlacedBox
    {
        public PlacedBox(double left, double top, double width, double height)
        {
            Left = left;
            Top = top;
            Width = width;
            Height = height;
        }

        public double Left { get; }

        public double Top { get; }

        public double Width { get; }

        public double Height { get; }
    }

    /// <summary>One piece of an arrow's line: a straight segment (the controls equal the ends) or a cubic Bézier.</summary>
    public sealed class PathPiece
    {
        public PathPiece(ScreenPoint start, ScreenPoint control1, ScreenPoint control2, ScreenPoint end, bool isCurve)
        {
            Start = start;
            Control1 = control1;
            Control2 = control2;
            End = end;
            IsCurve = isCurve;
        }

        public ScreenPoint Start { get; }

        public ScreenPoint Control1 { get; }

        public ScreenPoint Control2 { get; }

        public ScreenPoint End { get; }

        public bool IsCurve { get; }
    }

    /// <summary>
    /// How an arrow is drawn: its line leaves the source box and stops at <see cref="HeadBase"/>; the head runs from
    /// there to <see cref="Tip"/>, which touches the target box. <see cref="LabelCenter"/> is where its label goes.
    /// </summary>
    public sealed class PlacedArrow
    {
        public PlacedArrow(IReadOnlyList<PathPiece> pieces, ScreenPoint headBase, ScreenPoint tip, ScreenPoint labelCenter)
        {
            Pieces = pieces;
            HeadBase = headBase;
            Tip = tip;
            LabelCenter = labelCenter;
        }

        public IReadOnlyList<PathPiece> Pieces { get; }

        public ScreenPoint HeadBase { get; }

        public ScreenPoint Tip { get; }

        public ScreenPoint LabelCenter { get; }
    }

    /// <summary>The finished layout: boxes and arrows in the order they were given, and the drawing's size.</summary>
    public sealed class LaidOutGraph
    {
        public LaidOutGraph(double width, double height, IReadOnlyList<PlacedBox> boxes, IReadOnlyList<PlacedArrow> arrows)
        {
            Width = width;
            Height = height;
            Boxes = boxes;
            Arrows = arrows;
        }

        public double Width { get; }

        public double Height { get; }

        public IReadOnlyList<PlacedBox> Boxes { get; }

        public IReadOnlyList<PlacedArrow> Arrows { get; }
    }
}
