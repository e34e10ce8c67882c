using System.Runtime.CompilerServices;

namespace PSRemoteLinks.Graph
{
    /// <summary>
    /// The one door to the SVG drawing: it loads the layout assembly by path before any code that uses its types is
    /// compiled. <see cref="SvgWriter"/> is not inlined here, so its references resolve only after the load.
    /// </summary>
    internal static class SvgExport
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string Write(LinkGraph graph)
        {
            GraphLayoutLoader.EnsureLoaded();
            return SvgWriter.Write(graph);
        }
    }
}
