using System.Diagnostics;
using CivilDefense.Core.Demo;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Tests.Geography.Import;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CivilDefense.Core.Tests.Demo;

public sealed class DemoSeederTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SeedAsync_EmptyDatabase_LoadsCountryAndTayNinhInDetail()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stopwatch = Stopwatch.StartNew();
        DemoSeedResult result;
        await using (var db = database.Open())
        {
            result = await DemoSeeder.SeedAsync(db, progress: new Lines(output, stopwatch));
        }

        output.WriteLine($"Seed took {result.Elapsed.TotalSeconds:F1} s");
        Assert.True(result.Seeded);

        await using var check = database.Open();
        var reform = DemoSeeder.ReformDate;
        var current = check.Units.Where(u => u.ValidTo == null);
        Assert.Equal(34, await current.CountAsync(u => u.Level == 1));
        Assert.Equal(3321, await current.CountAsync(u => u.Level == 3));
        var province = await current.SingleAsync(u => u.Code == "80" && u.Level == 1);
        Assert.Equal("Tây Ninh", province.Name);
        var communes = await current.Where(u => u.ParentId == province.Id).ToListAsync();
        Assert.Equal(96, communes.Count);
        Assert.All(communes, c =>
        {
            Assert.NotNull(c.Boundary);
            Assert.NotNull(c.BoundarySimplified);
            Assert.NotNull(c.CentroidLat);
            Assert.Equal(2019, c.PopulationYear);
            Assert.StartsWith(province.Path, c.Path, StringComparison.Ordinal);
            Assert.Equal(reform, c.ValidFrom);
        });
        Assert.Equal(2_857_712, communes.Sum(c => c.Population));
        Assert.Equal(2_857_712, province.Population);

        // Code 80 was Long An until the reform: both exist, told apart by validity.
        var oldLongAn = await check.Units.SingleAsync(u => u.Code == "80" && u.ValidTo != null);
        Assert.Equal("Long An", oldLongAn.Name);
        Assert.Equal(DemoSeeder.LastDayBeforeReform, oldLongAn.ValidTo);
        Assert.Equal(280, await check.Units.CountAsync(u => u.ValidTo != null && u.Level == 3));

        var corrected = await check.UnitSuccessions.Include(s => s.Predecessor).Include(s => s.Successor)
            .SingleAsync(s => s.Predecessor.Code == "27739");
        Assert.Equal("27721", corrected.Successor.Code);
        Assert.Contains("1682/NQ-UBTVQH15", corrected.Note);
        Assert.Equal(43, await check.UnitSuccessions.CountAsync(s => s.IsPartial));

        var board = await check.CommandBoards.Include(b => b.Members).Include(b => b.DutyShifts).Include(b => b.StandingAgency)
            .SingleAsync(b => b.UnitId == province.Id);
        Assert.Equal("Bộ Chỉ huy Quân sự tỉnh Tây Ninh", board.StandingAgency!.Name);
        Assert.Single(board.Members, m => m.Role == CommandBoards.BoardRole.Head);
        Assert.Single(board.Members, m => m.Role == CommandBoards.BoardRole.StandingDeputy);
        Assert.Equal(14, board.DutyShifts.Count);
        Assert.All(board.Members, m => Assert.EndsWith("(demo)", m.FullName, StringComparison.Ordinal));
        Assert.Equal(97, await check.CommandBoards.CountAsync());
        Assert.Equal(Enum.GetValues<Organizations.OrganizationKind>().Length, await check.Organizations.Select(o => o.Kind).Distinct().CountAsync());
        Assert.Equal(await check.Organizations.CountAsync(), await check.OrganizationContacts.CountAsync());

        // The demo plan (seed 002) is imported through the plan import: 9 groups, 22 tasks, its bodies resolved.
        var plan = await check.Plans.SingleAsync();
        Assert.Equal((9, 22), (await check.PlanTaskGroups.CountAsync(g => g.PlanId == plan.Id), await check.PlanTasks.CountAsync(t => t.PlanId == plan.Id)));
        Assert.True(await check.PlanAssignments.CountAsync() > 1000);

        // The shared station list: all nine stations on their post-2025 units (two in An Giang), known levels only.
        var stations = await check.Stations.Include(s => s.Unit).Include(s => s.AlarmLevels).ToListAsync();
        Assert.Equal(9, stations.Count);
        Assert.Equal(7, stations.Count(s => s.Unit.ParentId == province.Id));
        var mocHoa = stations.Single(s => s.Code == "MOC-HOA").AlarmLevels.Single();
        Assert.Equal((1.2, (double?)null, 2.0), (mocHoa.Bd1, mocHoa.Bd2, mocHoa.Bd3));
        Assert.Contains("NOT VERIFIED", stations.Single(s => s.Code == "TAN-AN").AlarmLevels.Single().Source);
        Assert.All(stations, s => Assert.Null(s.Zone));
        Assert.Equal(6, await check.RiskRules.CountAsync(r => r.UnitId == province.Id));

        // Alert recipients: five located residents per commune, each inside its commune's box;
        // two duty contacts per responding body; one duty officer; all placeholders.
        var subscribers = await check.Subscribers.Include(s => s.Unit).ToListAsync();
        var residents = subscribers.Where(s => s.Kind == Core.Alerts.Subscribers.SubscriberKind.Resident).ToList();
        Assert.Equal(96 * 5, residents.Count);
        Assert.All(residents, r => Assert.True(Math.Abs(r.Latitude!.Value - r.Unit.CentroidLat!.Value) <= 0.004 && Math.Abs(r.Longitude!.Value - r.Unit.CentroidLon!.Value) <= 0.004));
        Assert.All(subscribers, s => Assert.Equal(Core.Alerts.Subscribers.SubscriberStatus.Active, s.Status));
        Assert.All(subscribers, s => Assert.EndsWith("@ptds-demo.example", s.Email, StringComparison.Ordinal));
        Assert.All(subscribers, s => Assert.StartsWith("+8490000", s.Phone, StringComparison.Ordinal));
        Assert.Single(subscribers, s => s.IsDutyOfficer);
        Assert.True(subscribers.Count(s => s.Kind == Core.Alerts.Subscribers.SubscriberKind.DutyContact && s.ContactOrder == 2) >= 5);
        Assert.Equal(subscribers.Count, subscribers.Select(s => s.Phone).Distinct().Count());
    }

    [Fact]
    public async Task SeedAsync_UnitsExist_DoesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            db.Units.Add(new AdministrativeUnit { Code = "VN", Name = "Việt Nam", FullName = "Việt Nam", Kind = UnitKind.Country });
            await db.SaveChangesAsync();
        }

        await using var again = database.Open();
        var result = await DemoSeeder.SeedAsync(again);

        Assert.False(result.Seeded);
        Assert.Equal(1, await again.Units.CountAsync());
    }

    private sealed class Lines(ITestOutputHelper output, Stopwatch clock) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s {value}");
    }
}
