using CivilDefense.Core.Monitoring;

namespace CivilDefense.Core.Tests.Monitoring;

public sealed class WarningHysteresisTests
{
    private static readonly DateTime Start = new(2025, 10, 20, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Feeds levels at 5-minute steps and returns the levels drafts were raised for.</summary>
    private static List<int> Raises(IEnumerable<int?> levels)
    {
        var state = default(HysteresisState);
        var raised = new List<int>();
        var at = Start;
        foreach (var level in levels)
        {
            var decision = WarningHysteresis.Decide(state, level, at, WarningHysteresis.DefaultRelease);
            state = decision.State;
            if (decision.RaiseLevel is { } r)
            {
                raised.Add(r);
            }

            at = at.AddMinutes(5);
        }

        return raised;
    }

    [Fact]
    public void Decide_LevelFlappingAroundAThresholdForHours_RaisesOneDraft()
    {
        var flapping = Enumerable.Range(0, 72).Select(i => (int?)(i % 2 == 0 ? 2 : 1));

        Assert.Equal([2], Raises(flapping));
    }

    [Fact]
    public void Decide_RiseAfterStayingLowerForTheReleaseTime_RaisesAgain()
    {
        int?[] series = [2, .. Enumerable.Repeat<int?>(1, 13), 2];

        Assert.Equal([2, 2], Raises(series));
    }

    [Fact]
    public void Decide_RiseBeforeTheReleaseTime_DoesNotRaiseAgain()
    {
        int?[] series = [2, .. Enumerable.Repeat<int?>(1, 11), 2];

        Assert.Equal([2], Raises(series));
    }

    [Fact]
    public void Decide_EachRiseAboveTheArmedLevel_RaisesAtOnce()
    {
        Assert.Equal([1, 2, 3], Raises([0, 1, 1, 2, 1, 3, 2]));
    }

    [Fact]
    public void Decide_UnknownLevel_NeitherRaisesNorReleases()
    {
        int?[] series = [2, .. Enumerable.Repeat<int?>(null, 30), 2];

        Assert.Equal([2], Raises(series));
    }

    [Fact]
    public void Decide_AnOlderTimeThanTheLastEvaluation_ChangesNothing()
    {
        var state = new HysteresisState(2, null, Start);

        var decision = WarningHysteresis.Decide(state, 3, Start.AddMinutes(-5), WarningHysteresis.DefaultRelease);

        Assert.Equal((state, (int?)null), (decision.State, decision.RaiseLevel));
    }
}
