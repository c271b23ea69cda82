using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// Outbox rows turned into the UTF-8 values SQLite binds, a block at a time, on another core than
/// the one SQLite writes on: SQLite's writer is a single thread, and fetching each request from a
/// random place in memory, formatting its Guid and encoding its texts took a fifth of its time.
/// A few blocks are reused in a ring, so the preparation runs at most that far ahead.
/// </summary>
internal sealed class SqliteRowBlocks : IDisposable
{
    public const int RowsPerBlock = 256;

    private const int Blocks = 4;

    private readonly BlockingCollection<Block> _free = new(Blocks);
    private readonly BlockingCollection<Block> _full = new(Blocks);
    private readonly Task _producer;

    public SqliteRowBlocks(IReadOnlyList<DeliveryRequest> requests, int[] positions, int start, int count)
    {
        for (var i = 0; i < Blocks; i++)
        {
            _free.Add(new Block());
        }

        _producer = Task.Run(() =>
        {
            try
            {
                for (var at = start; at < start + count; at += RowsPerBlock)
                {
                    var block = _free.Take();
                    block.Fill(requests, positions.AsSpan(at, Math.Min(RowsPerBlock, start + count - at)));
                    _full.Add(block);
                }
            }
            finally
            {
                _full.CompleteAdding();
            }
        });
    }

    /// <summary>The next block in order, or null at the end; hand it back with <see cref="Return"/>.</summary>
    public Block? Next()
    {
        if (_full.TryTake(out var block, Timeout.Infinite))
        {
            return block;
        }

        _producer.GetAwaiter().GetResult(); // the end, or the producer's failure
        return null;
    }

    public void Return(Block block) => _free.Add(block);

    public void Dispose()
    {
        // A writer that failed half-way stops taking blocks: let the producer finish on free ones.
        _free.CompleteAdding();
        try
        {
            _producer.Wait();
        }
        catch (AggregateException)
        {
            // Already reported to the writer through Next, or the writer failed first.
        }

        _free.Dispose();
        _full.Dispose();
    }

    /// <summary>Up to <see cref="RowsPerBlock"/> rows: per row the recipient (36 bytes of upper-case Guid), channel, address and language as UTF-8, and the unit.</summary>
    public sealed class Block
    {
        // Channels, addresses and languages are at most 500 characters (validated): 4 bytes a character at most.
        private readonly byte[] _bytes = new byte[RowsPerBlock * (36 + (3 * 2000))];
        private readonly int[] _ends = new int[RowsPerBlock * 4];
        private readonly int?[] _units = new int?[RowsPerBlock];

        public int Count { get; private set; }

        public ReadOnlySpan<byte> Recipient(int row) => Field(row, 0);

        public ReadOnlySpan<byte> Channel(int row) => Field(row, 1);

        public ReadOnlySpan<byte> Address(int row) => Field(row, 2);

        public ReadOnlySpan<byte> Language(int row) => Field(row, 3);

        public int? Unit(int row) => _units[row];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // cold when it matters: see OutboxOrder.Of
        public void Fill(IReadOnlyList<DeliveryRequest> requests, ReadOnlySpan<int> positions)
        {
            var at = 0;
            for (var row = 0; row < positions.Length; row++)
            {
                var request = requests[positions[row]];
                var guid = _bytes.AsSpan(at, 36);
                request.RecipientId.TryFormat(guid, out _, "D");
                Ascii.ToUpperInPlace(guid, out _);
                _ends[row * 4] = at += 36;
                _ends[(row * 4) + 1] = at += Encoding.UTF8.GetBytes(request.Channel, _bytes.AsSpan(at));
                _ends[(row * 4) + 2] = at += Encoding.UTF8.GetBytes(request.Address, _bytes.AsSpan(at));
                _ends[(row * 4) + 3] = at += Encoding.UTF8.GetBytes(request.Language, _bytes.AsSpan(at));
                _units[row] = request.UnitId;
            }

            Count = positions.Length;
        }

        private ReadOnlySpan<byte> Field(int row, int field)
        {
            var index = (row * 4) + field;
            var begin = index == 0 ? 0 : _ends[index - 1];
            return _bytes.AsSpan(begin, _ends[index] - begin);
        }
    }
}
