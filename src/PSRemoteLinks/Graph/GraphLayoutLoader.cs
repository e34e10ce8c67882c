using System;
using System.IO;
using System.Reflection;

namespace PSRemoteLinks.Graph
{
    /// <summary>
    /// Loads PSRemoteLinks.GraphLayout (and through it AutomaticGraphLayout) from the module's own folder, the first
    /// time an SVG is drawn. Nothing else in the module touches those assemblies, so importing the module and every
    /// other cmdlet never load them. Loading by path makes the module folder the only place they come from.
    /// </summary>
    internal static class GraphLayoutLoader
    {
        public const string AssemblyFile = "PSRemoteLinks.GraphLayout.dll";
        private static readonly object Gate = new object();
        private static bool _loaded;

        /// <summary>Throws <see cref="FileNotFoundException"/> naming the file when the module folder lacks it.</summary>
        public static void EnsureLoaded()
        {
            lock (Gate)
            {
                if (_loaded)
                {
                    return;
                }

                var folder = Path.GetDirectoryName(typeof(GraphLayoutLoader).Assembly.Location) ?? string.Empty;
                var path = Path.Combine(folder, AssemblyFile);
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException("SVG needs " + AssemblyFile + " beside PSRemoteLinks.dll in '" + folder
                        + "', and it is not there. Reinstall the module; Mermaid and DOT work without it.", path);
                }

                Assembly.LoadFrom(path);
                _loaded = true;
            }
        }
    }
}
