using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Http;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    public class BoundedBodyTests
    {
        private static readonly byte[] Large = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();

        [Fact]
        public async Task A_body_of_announced_length_is_read_whole()
        {
            using var content = new ByteArrayContent(Large);
            Assert.Equal(Large, await BoundedBody.ReadAsync(content, 1_000_000, CancellationToken.None));
        }

        [Fact]
        public async Task A_body_without_a_length_is_read_whole_in_an_array_of_its_size()
        {
            using var content = new StreamContent(new TrickleStream(Large, 1000));
            Assert.Null(content.Headers.ContentLength);

            var body = await BoundedBody.ReadAsync(content, 1_000_000, CancellationToken.None);

            Assert.Equal(Large, body);
        }

        [Fact]
        public async Task An_announced_length_over_the_limit_is_refused_before_reading()
        {
            var stream = new TrickleStream(Large, 1000);
            using var content = new StreamContent(stream);
            content.Headers.ContentLength = Large.Length;

            Assert.Null(await BoundedBody.ReadAsync(content, Large.Length - 1, CancellationToken.None));
            Assert.Equal(0, stream.Position);
        }

        [Fact]
        public async Task A_body_without_a_length_is_refused_once_it_passes_the_limit()
        {
            using var content = new StreamContent(new TrickleStream(Large, 4096));
            Assert.Null(await BoundedBody.ReadAsync(content, 50_000, CancellationToken.None));
        }

        [Fact]
        public async Task An_empty_body_is_empty()
        {
            using var declared = new ByteArrayContent(Array.Empty<byte>());
            using var unknown = new StreamContent(new TrickleStream(Array.Empty<byte>(), 10));
            Assert.Empty((await BoundedBody.ReadAsync(declared, 10, CancellationToken.None))!);
            Assert.Empty((await BoundedBody.ReadAsync(unknown, 10, CancellationToken.None))!);
        }

        [Fact]
        public async Task A_body_shorter_than_announced_gives_what_arrived()
        {
            using var content = new StreamContent(new TrickleStream(new byte[] { 1, 2, 3 }, 2));
            content.Headers.ContentLength = 10;
            Assert.Equal(new byte[] { 1, 2, 3 }, await BoundedBody.ReadAsync(content, 100, CancellationToken.None));
        }

        /// <summary>A network-like stream: no length, no seeking, at most <c>chunk</c> bytes per read.</summary>
        private sealed class TrickleStream : Stream
        {
            private readonly byte[] _data;
            private readonly int _chunk;
            private int _position;

            public TrickleStream(byte[] data, int chunk)
            {
                _data = data;
                _chunk = chunk;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => _position;
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = Math.Min(Math.Min(count, _chunk), _data.Length - _position);
                Array.Copy(_data, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
