namespace PSRemoteLinks.Graph
{
    /// <summary>How a status category is coloured, the same in every format, and what the legend calls it.</summary>
    internal sealed class StatusStyle
    {
        public static readonly StatusStyle ToDo = new StatusStyle("todo", "To Do", "#DFE1E6", "#6B778C");
        public static readonly StatusStyle InProgress = new StatusStyle("inprogress", "In Progress", "#DEEBFF", "#0052CC");
        public static readonly StatusStyle Done = new StatusStyle("done", "Done", "#E3FCEF", "#006644");
        public static readonly StatusStyle Unknown = new StatusStyle("nocategory", "No category", "#FFFFFF", "#97A0AF");

        public static readonly StatusStyle[] All = { ToDo, InProgress, Done, Unknown };

        /// <summary>Border width of a start issue (every other box has 1).</summary>
        public const double StartBorder = 3;

        public const string TextColour = "#172B4D";

        private StatusStyle(string name, string legend, string fill, string stroke)
        {
            Name = name;
            Legend = legend;
            Fill = fill;
            Stroke = stroke;
        }

        /// <summary>A class name safe in every format.</summary>
        public string Name { get; }

        public string Legend { get; }

        public string Fill { get; }

        public string Stroke { get; }

        public static StatusStyle For(StatusCategory? category)
        {
            switch (category)
            {
                case StatusCategory.ToDo: return ToDo;
                case StatusCategory.InProgress: return InProgress;
                case StatusCategory.Done: return Done;
                default: return Unknown;
            }
        }
    }
}
