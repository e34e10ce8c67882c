namespace PSRemoteLinks.GraphLayout
{
    /// <summary>The size of one box to place, in pixels.</summary>
    public sealed class BoxSize
    {
        public BoxSize(double width, double height)
        {
            Width = width;
            Height = height;
        }

        public double Width { get; }

        public double Height { get; }
    }

    /// <summary>An arrow from one box to another (indexes into the box list), with the size of its label.</summary>
    public sealed class ArrowRequest
    {
        public ArrowRequest(int from, int to, double labelWidth, double labelHeight)
        {
            From = from;
            To = to;
            LabelWidth = labelWidth;
            LabelHeight = labelHeight;
        }

        public int From { get; }

        public int To { get; }

        public double LabelWidth { get; }

        public double LabelHeight { get; }
    }
}
