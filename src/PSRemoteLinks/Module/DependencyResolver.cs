using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PSRemoteLinks.Module
{
    /// <summary>
    /// Windows PowerShell 5.1 runs on .NET Framework, which has no System.Text.Json and applies no binding
    /// redirects for powershell.exe. When a dependency is asked for in a version other than the one shipped
    /// beside the module, this hands over the shipped copy. PowerShell 7 needs none of it (the runtime's own
    /// System.Text.Json is at least as new), so it is registered on .NET Framework only.
    /// </summary>
    public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly HashSet<string> Shipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.Text.Json", "System.Text.Encodings.Web", "System.Memory", "System.Buffers",
            "System.Runtime.CompilerServices.Unsafe", "Microsoft.Bcl.AsyncInterfaces",
            "System.Threading.Tasks.Extensions", "System.Numerics.Vectors",
            "PSRemoteLinks.GraphLayout", "AutomaticGraphLayout",
        };

        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;

        private static bool IsDesktop => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            if (IsDesktop)
            {
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsDesktop)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            if (name.Name == null || !Shipped.Contains(name.Name))
            {
                return null;
            }

            var path = Path.Combine(ModuleFolder, name.Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
