using CivilDefense.Core.Alerts.Delivery;

namespace CivilDefense.Core.Tests.Alerts.Delivery;

/// <summary>Runs of nearby recipient keys, each one bounded outcome statement on PostgreSQL.</summary>
public sealed class KeyRunsTests
{
    [Fact]
    public void EvenlySpreadKeys_MakeRunsOfAtMostTheLimit_CoveringEveryKeyOnce()
    {
        var random = new Random(3);
        var ids = KeyRuns.Sorted(Enumerable.Range(0, 4_500).Select(_ => NewId(random)));

        var runs = KeyRuns.Of(ids);

        Assert.Equal([(0, 2_000), (2_000, 2_000), (4_000, 500)], runs);
    }

    [Fact]
    public void AFarKey_StartsARunOfItsOwn()
    {
        // 100 keys close together near the bottom of the key space, then one at the top (a retry from elsewhere).
        var ids = Enumerable.Range(1, 100).Select(i => Id(0x1000_0000_0000_0000UL + ((ulong)i << 20))).Append(Id(0xF000_0000_0000_0000UL)).ToArray();

        var runs = KeyRuns.Of(KeyRuns.Sorted(ids));

        Assert.Equal([(0, 100), (100, 1)], runs);
    }

    [Fact]
    public void AFewKeys_AreLookedUpOneByOne_AndNoneGivesNoRun()
    {
        var random = new Random(4);
        var ids = KeyRuns.Sorted(Enumerable.Range(0, 5).Select(_ => NewId(random)));

        Assert.Equal(Enumerable.Range(0, 5).Select(i => (i, 1)), KeyRuns.Of(ids));
        Assert.Empty(KeyRuns.Of([]));
    }

    [Fact]
    public void Sorted_OrdersLikePostgresUuids()
    {
        var low = new Guid("00000001-ffff-ffff-ffff-ffffffffffff");
        var high = new Guid("ff000000-0000-0000-0000-000000000000");
        var middle = new Guid("00000001-ffff-ffff-ffff-fffffffffff0");

        Assert.Equal([middle, low, high], KeyRuns.Sorted([high, low, middle]));
    }

    private static Guid Id(ulong leading)
    {
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, leading);
        return new Guid(bytes, bigEndian: true);
    }

    private static Guid NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
