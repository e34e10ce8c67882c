using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// Reads a response body into one byte array of exactly its size, never past a limit. The JSON is then
    /// deserialized from those bytes, so a large answer (2,000 links) never exists as a string.
    /// </summary>
    internal static class BoundedBody
    {
        private const int ChunkBytes = 16 * 1024;

        /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (reading stops there).</summary>
        public static async Task<byte[]?> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellation)
        {
            var declared = content.Headers.ContentLength;
            if (declared > maxBytes)
            {
                return null;
            }

            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            return declared is long length
                ? await ReadDeclaredAsync(stream, (int)length, cancellation).ConfigureAwait(false)
                : await ReadUnknownAsync(stream, maxBytes, cancellation).ConfigureAwait(false);
        }

        /// <summary>Content-Length is known (the usual plain answer): read straight into an array of that size.</summary>
        private static async Task<byte[]> ReadDeclaredAsync(Stream stream, int length, CancellationToken cancellation)
        {
            if (length == 0)
            {
                return Array.Empty<byte>();
            }

            var body = new byte[length];
            var filled = 0;
            while (filled < length)
            {
                var read = await stream.ReadAsync(body, filled, length - filled, cancellation).ConfigureAwait(false);
                if (read == 0)
                {
                    // Shorter than announced: what arrived is all there is (its JSON will not parse, and says so).
                    var prefix = new byte[filled];
                    Buffer.BlockCopy(body, 0, prefix, 0, filled);
                    return prefix;
                }

                filled += read;
            }

            return body;
        }

        /// <summary>
        /// No length (chunked, or decompressed gzip as Jira Cloud sends): grow a pooled buffer, then copy once into an
        /// array of the final size, so only that array is new per request.
        /// </summary>
        private static async Task<byte[]?> ReadUnknownAsync(Stream stream, int maxBytes, CancellationToken cancellation)
        {
            var pool = ArrayPool<byte>.Shared;
            var buffer = pool.Rent(ChunkBytes);
            try
            {
                var filled = 0;
                while (true)
                {
                    // One byte past the limit is enough to know the body is too large: never read (or rent) more.
                    var room = Math.Min(buffer.Length, maxBytes + 1) - filled;
                    if (room == 0)
                    {
                        var larger = pool.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                        Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                        pool.Return(buffer);
                        buffer = larger;
                        room = Math.Min(buffer.Length, maxBytes + 1) - filled;
                    }

                    var read = await stream.ReadAsync(buffer, filled, room, cancellation).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                    if (filled > maxBytes)
                    {
                        return null;
                    }
                }

                if (filled == 0)
                {
                    return Array.Empty<byte>();
                }

                var body = new byte[filled];
                Buffer.BlockCopy(buffer, 0, body, 0, filled);
                return body;
            }
            finally
            {
                pool.Return(buffer);
            }
        }
    }
}
