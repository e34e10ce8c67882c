namespace PSRemoteLinks.Http
{
    /// <summary>Messages are punctuated sentences, also when they end with text from the operating system or a server.</summary>
    internal static class Sentences
    {
        public static string End(string? text)
        {
            var trimmed = (text ?? string.Empty).TrimEnd();
            if (trimmed.Length == 0)
            {
                return trimmed;
            }

            var last = trimmed[trimmed.Length - 1];
            return last == '.' || last == '!' || last == '?' || last == '…' ? trimmed : trimmed + ".";
        }
    }
}
