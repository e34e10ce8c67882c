using System;
using System.IO;

namespace PSRemoteLinks.Tests.Documentation
{
    /// <summary>The clone this code was built from: the first folder above the running assembly that holds PSRemoteLinks.sln.</summary>
    public static class RepositoryFolder
    {
        public static string Root()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "PSRemoteLinks.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("PSRemoteLinks.sln not found above " + AppContext.BaseDirectory + ".");
        }
    }
}
