using System.Text;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Monitoring;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Monitoring;

public sealed class IngestObservationsTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private sealed record World(TestDatabase Database, TestTerritory Territory, Station MocHoa, Station TanAn, ApiToken MocHoaToken, ManualClock Clock)
    {
        public PtdsDbContext As(Actor actor) => Database.Context(actor, Clock);

        public Actor Officer => TestTerritory.ActorAt(Territory.CommuneA, Role.Officer);

        public Actor Commander => TestTerritory.ActorAt(Territory.Province, Role.Commander);

        public Actor StationToken(ApiToken token) => new(token.Name, Role.Officer, Territory.CommuneA.Id, Territory.CommuneA.Path, TokenId: token.Id);
    }

    /// <summary>Mộc Hóa (zone 1, BĐ1 1.2, BĐ3 2.0, water level and rain) and Tân An (no levels) in commune A, with the default rules.</summary>
    private static async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(Actor.System);
        var secret = TokenSecrets.Create();
        var token = new ApiToken { Name = "moc-hoa-station", Prefix = secret.Prefix, SecretHash = secret.SecretHash, Role = Role.Officer, UnitId = t.CommuneA.Id, ExpiresAt = DateTime.UtcNow.AddDays(1) };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        var mocHoa = new Station { Code = "MOC-HOA", Name = "Mộc Hóa", Zone = 1, UnitId = t.CommuneA.Id, Variables = "WaterLevel,Rainfall", IngestTokenId = token.Id, WaterLevelMin = -2, WaterLevelMax = 8 };
        mocHoa.AlarmLevels.Add(new StationAlarmLevels { Bd1 = 1.2, Bd3 = 2.0, Source = "test" });
        var tanAn = new Station { Code = "TAN-AN", Name = "Tân An", UnitId = t.CommuneA.Id };
        tanAn.AlarmLevels.Add(new StationAlarmLevels { Source = "NOT VERIFIED" });
        db.Stations.AddRange(mocHoa, tanAn);
        db.RiskRules.AddRange(DefaultRiskRules.For(t.Province.Id));
        await db.SaveChangesAsync();
        return new World(database, t, mocHoa, tanAn, token, new ManualClock(Now));
    }

    private static ObservationInput Water(string station, int minute, double value) =>
        new(station, Now.AddHours(-6).AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ssZ"), "WaterLevel", value);

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task HandleAsync_SameBatchTwice_SecondChangesNothing(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        ObservationInput[] batch = [Water("MOC-HOA", 0, 1.0), Water("MOC-HOA", 5, 1.1), Water("TAN-AN", 0, 0.9)];

        await using var first = w.As(w.Officer);
        var one = (await new IngestObservations(first).HandleAsync(batch, "api", false, CancellationToken.None)).Value!;
        await using var second = w.As(w.Officer);
        var two = (await new IngestObservations(second).HandleAsync(batch, "api", false, CancellationToken.None)).Value!;

        Assert.Equal((3, 0, 0), (one.Accepted, one.Duplicates, one.Rejected));
        Assert.Equal((0, 0, 3), (two.Accepted, two.Corrected, two.Duplicates));
        await using var check = w.As(Actor.System);
        Assert.Equal(3, await check.Observations.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.EntityType == "ObservationBatch"));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task HandleAsync_LateOutOfOrderAndCorrectedValues_AreStoredByTheirKey(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        await using (var db = w.As(w.Officer))
        {
            await new IngestObservations(db).HandleAsync([Water("MOC-HOA", 30, 1.3), Water("MOC-HOA", 20, 1.2)], "api", false, CancellationToken.None);
        }

        await using var late = w.As(w.Officer);
        var report = (await new IngestObservations(late).HandleAsync([Water("MOC-HOA", 10, 1.1), Water("MOC-HOA", 20, 1.25)], "api", false, CancellationToken.None)).Value!;

        Assert.Equal((2, 1, 1, 0), (report.Received, report.Accepted, report.Corrected, report.Duplicates));
        Assert.Empty(report.Rejections);
        await using var check = w.As(Actor.System);
        var series = await check.Observations.OrderBy(o => o.ObservedAt).Select(o => o.Value).ToListAsync();
        Assert.Equal([1.1, 1.25, 1.3], series);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task HandleAsync_ImpossibleValues_AreRejectedWithTheirReason(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        var at = Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        ObservationInput[] batch =
        [
            new("MOC-HOA", at, "WaterLevel", 9.5),
            new("MOC-HOA", at, "Rainfall", -1),
            new("MOC-HOA", at, "Salinity", 5),
            new("MOC-HOA", Now.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"), "WaterLevel", 1),
            new("MOC-HOA", "2025-10-20T10:00:00", "WaterLevel", 1),
            new("NOWHERE", at, "WaterLevel", 1),
            new("MOC-HOA", at, "Snow", 1),
            new("MOC-HOA", at, "WaterLevel", 1.0),
        ];

        await using var db = w.As(w.Officer);
        var report = (await new IngestObservations(db).HandleAsync(batch, "api", false, CancellationToken.None)).Value!;

        Assert.Equal((1, 7), (report.Accepted, report.Rejected));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], report.Rejections.Select(r => r.Index));
        Assert.Contains("outside the station's plausible range", report.Rejections[0].Reason);
        Assert.Equal("rainfall cannot be negative", report.Rejections[1].Reason);
        Assert.Contains("does not report Salinity", report.Rejections[2].Reason);
        Assert.Contains("in the future", report.Rejections[3].Reason);
        Assert.Contains("offset", report.Rejections[4].Reason);
        Assert.Equal(("station", "unknown station NOWHERE"), (report.Rejections[5].Field, report.Rejections[5].Reason));
        Assert.Equal("variable", report.Rejections[6].Field);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task HandleJsonAsync_RepeatedKeysAndBadItems_KeepTheLaterAndListOnlyTheRejectionsByIndex(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        string Item(string station, int minute, string value) =>
            $$"""{"station":"{{station}}","time":"{{Now.AddHours(-6).AddMinutes(minute):yyyy-MM-ddTHH:mm:ssZ}}","variable":"WaterLevel","value":{{value}}}""";
        var body = "{\"observations\":[" + string.Join(",", Item("MOC-HOA", 0, "1.0"), Item("MOC-HOA", 5, "1.1"), Item("MOC-HOA", 10, "\"high\""),
            Item("MOC-HOA", 0, "1.05"), Item("NOWHERE", 0, "true"), Item("MOC-HOA", 15, "99")) + "]}";

        await using var db = w.As(w.Officer);
        var report = (await new IngestObservations(db).HandleJsonAsync(Encoding.UTF8.GetBytes(body), "api", CancellationToken.None)).Value!;
        await using var again = w.As(w.Officer);
        var repeated = (await new IngestObservations(again).HandleJsonAsync(Encoding.UTF8.GetBytes(body), "api", CancellationToken.None)).Value!;

        Assert.Equal((6, 2, 0, 1, 3), (report.Received, report.Accepted, report.Corrected, report.Duplicates, report.Rejected));
        Assert.Equal([(2, "value"), (4, "station"), (5, "value")], report.Rejections.Select(r => (r.Index, r.Field)));
        Assert.Equal("unknown station NOWHERE", report.Rejections[1].Reason);
        Assert.Equal((0, 0, 3, 3), (repeated.Accepted, repeated.Corrected, repeated.Duplicates, repeated.Rejected));
        await using var check = w.As(Actor.System);
        Assert.Equal([1.05, 1.1], await check.Observations.OrderBy(o => o.ObservedAt).Select(o => o.Value).ToListAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task HandleJsonAsync_MalformedBody_StoresNothing(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;

        await using var db = w.As(w.Officer);
        var result = await new IngestObservations(db).HandleJsonAsync("{\"observations\":[{\"station\":\"MOC-HOA\""u8.ToArray(), "api", CancellationToken.None);

        Assert.IsType<ValidationError>(result.Error);
        Assert.Equal(0, await db.Observations.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task HandleAsync_StationToken_PostsForItsStationOnly(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;

        await using var own = w.As(w.StationToken(w.MocHoaToken));
        var allowed = await new IngestObservations(own).HandleAsync([Water("MOC-HOA", 0, 1.0)], "api", false, CancellationToken.None);
        await using var other = w.As(w.StationToken(w.MocHoaToken));
        var denied = await new IngestObservations(other).HandleAsync([Water("TAN-AN", 0, 1.0)], "api", false, CancellationToken.None);
        await using var viewer = w.As(TestTerritory.ActorAt(w.Territory.Province, Role.Viewer));
        var viewerDenied = await new IngestObservations(viewer).HandleAsync([Water("TAN-AN", 0, 1.0)], "api", false, CancellationToken.None);
        await using var outside = w.As(TestTerritory.ActorAt(w.Territory.CommuneB, Role.Officer));
        var unseen = (await new IngestObservations(outside).HandleAsync([Water("MOC-HOA", 0, 1.0)], "api", false, CancellationToken.None)).Value!;

        Assert.True(allowed.IsSuccess);
        Assert.IsType<ForbiddenError>(denied.Error);
        Assert.IsType<ForbiddenError>(viewerDenied.Error);
        Assert.Equal("unknown station MOC-HOA", Assert.Single(unseen.Rejections).Reason);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task HandleAsync_CrossingBd3AndFlappingForHours_RaisesOneDraftWithItsExplanation(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        // Six hours at 5-minute steps, alternating just above and just below BĐ3, posted one reading per request.
        for (var minute = 0; minute < 360; minute += 5)
        {
            await using var db = w.As(w.Officer);
            var value = minute / 5 % 2 == 0 ? 2.03 : 1.97;
            await new IngestObservations(db).HandleAsync([Water("MOC-HOA", minute, value)], "api", false, CancellationToken.None);
        }

        await using var check = w.As(w.Commander);
        var drafts = await new ListWarnings(check).HandleAsync(null, null, CancellationToken.None);
        var draft = Assert.Single(drafts);
        Assert.Equal((2, Hazard.Flood, WarningStatus.Draft, w.Territory.CommuneA.Id), (draft.Level, draft.Hazard, draft.Status, draft.UnitId));
        Assert.StartsWith("Mộc Hóa 2.03 m ≥ BĐ3 2.00 m, zone 1, one basin → level 2", draft.ExplanationEn);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task HandleAsync_LevelRaisedInTheBatch_IsReturnedAndAutoIssueMarksItReady(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        await using (var system = w.As(Actor.System))
        {
            var rule = await system.RiskRules.SingleAsync(r => r.Hazard == Hazard.Flood && r.Level == 2);
            rule.AutoIssue = true;
            await system.SaveChangesAsync();
        }

        await using var db = w.As(w.Officer);
        var report = (await new IngestObservations(db).HandleAsync([Water("MOC-HOA", 0, 1.5), Water("MOC-HOA", 5, 2.1)], "api", false, CancellationToken.None)).Value!;

        var raised = Assert.Single(report.RaisedWarnings);
        Assert.Equal((2, true, WarningStatus.Ready), (raised.Level, raised.AutoIssue, raised.Status));
        await using var check = w.As(Actor.System);
        var audited = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(DraftWarning));
        Assert.Equal((w.Territory.CommuneA.Id, w.Territory.CommuneA.Path), (audited.UnitId, audited.UnitPath));
        Assert.Equal(w.Territory.CommuneA.Path, (await check.Units.SingleAsync(u => u.Id == w.Territory.CommuneA.Id)).Path);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task CsvBackfill_OneBadLine_StoresNothingAndNamesLineAndField(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        const string csv = "station,time,variable,value\nMOC-HOA,2025-10-20T01:00:00Z,WaterLevel,1.1\nMOC-HOA,2025-10-20T01:05:00Z,Rainfall,-3\nMOC-HOA,2025-10-20T01:10:00Z,WaterLevel,abc\n";

        await using var db = w.As(w.Officer);
        var result = (await new ImportObservationsCsv(db).HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "backfill.csv", CancellationToken.None)).Value!;
        var good = csv.Replace(",-3", ",3").Replace(",abc", ",1.2");
        await using var db2 = w.As(w.Officer);
        var ok = (await new ImportObservationsCsv(db2).HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(good)), "backfill.csv", CancellationToken.None)).Value!;
        await using var db3 = w.As(w.Officer);
        var secondBad = (await new ImportObservationsCsv(db3).HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.Replace(",abc", ",1.2"))), "b.csv", CancellationToken.None)).Value!;

        Assert.Equal("line 4, field value: 'abc' is not a number", Assert.Single(result.Errors).ToString());
        Assert.Equal("line 3, field value: rainfall cannot be negative", Assert.Single(secondBad.Errors).ToString());
        Assert.Equal(3, ok.Report!.Accepted);
        await using var check = w.As(Actor.System);
        Assert.Equal(3, await check.Observations.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task RiskRules_EditedByTheProvinceOnly(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        var input = new RiskRuleInput(w.Territory.Province.Id, Hazard.HeavyRain, 2, null, null, null, 0, null, 0, 24, 200, 400, false, 5, false, "QĐ 18/2021/QĐ-TTg (test)", null, null);

        await using var officer = w.As(w.Officer);
        var rules = await new ListRiskRules(officer).HandleAsync(CancellationToken.None);
        var denied = await new EditRiskRule(officer).CreateAsync(input, CancellationToken.None);
        var deniedUpdate = await new EditRiskRule(officer).UpdateAsync(rules[0].Id, input, CancellationToken.None);
        await using var commander = w.As(w.Commander);
        var created = await new EditRiskRule(commander).CreateAsync(input, CancellationToken.None);
        var onCommune = await new EditRiskRule(commander).CreateAsync(input with { UnitId = w.Territory.CommuneA.Id }, CancellationToken.None);

        Assert.Equal(6, rules.Count);
        Assert.All(rules, r => Assert.False(r.CanEdit));
        Assert.IsType<ForbiddenError>(denied.Error);
        Assert.IsType<ForbiddenError>(deniedUpdate.Error);
        Assert.True(created.IsSuccess);
        Assert.IsType<ValidationError>(onCommune.Error);
        await using var check = w.As(Actor.System);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(RiskRule) && a.Action == "Create"));
    }
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task HandleAsync_BatchOfManyStations_IsAuditedOnceWithTheirCount(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        await using (var setup = w.As(Actor.System))
        {
            setup.Stations.AddRange(Enumerable.Range(0, 30).Select(i => new Station { Code = $"GAUGE-{i:D2}", Name = $"Gauge {i}", UnitId = w.Territory.CommuneA.Id }));
            await setup.SaveChangesAsync();
        }

        await using var db = w.As(w.Officer);
        var report = (await new IngestObservations(db).HandleAsync(Enumerable.Range(0, 30).Select(i => Water($"GAUGE-{i:D2}", 0, 1.0)).ToList(), "api", false, CancellationToken.None)).Value!;

        Assert.Equal(30, report.Accepted);
        await using var check = w.As(Actor.System);
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == "ObservationBatch");
        Assert.Equal("30 stations", entry.EntityId);
        Assert.Contains("GAUGE-29", entry.After);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Observations_AreSeenOnlyInTheirStationsUnitSubtree(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        await using var _ = w.Database;
        await using (var db = w.As(w.Officer))
        {
            await new IngestObservations(db).HandleAsync([Water("MOC-HOA", 0, 1.0), Water("TAN-AN", 0, 0.9)], "api", false, CancellationToken.None);
        }

        await using var inside = w.As(w.Officer);
        await using var outside = w.As(TestTerritory.ActorAt(w.Territory.CommuneB, Role.Officer));
        await using var province = w.As(w.Commander);

        Assert.Equal(2, await inside.Observations.CountAsync());
        Assert.Equal(0, await outside.Observations.CountAsync());
        Assert.Equal(2, await province.Observations.CountAsync());
    }
}

public sealed class ObservationTimeTests
{
    [Theory]
    [InlineData("2025-10-01T00:05:00Z")]
    [InlineData("2025-10-01T00:05:00z")]
    [InlineData("2025-10-01T06:05:00+07:00")]
    [InlineData("2025-09-30T19:35:00-04:30")]
    [InlineData("2024-02-29T23:59:59+14:00")]
    [InlineData("0001-01-01T00:00:00-01:00")]
    [InlineData("2025-10-01T00:05:00.250Z")]
    [InlineData("2025-10-01T00:05:00+0700")]
    public void TryParseTime_GivesTheGeneralParsersInstant(string text)
    {
        Assert.True(ObservationRules.TryParseTime(text, out var utc, out var reason), reason);

        var expected = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
        Assert.Equal((expected, DateTimeKind.Utc), (utc, utc.Kind));
    }

    [Theory]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2025-10-01T24:00:00Z")]
    [InlineData("2025-13-01T00:00:00Z")]
    [InlineData("2025-10-01T00:05:00")]
    [InlineData("2025-10-01T00:05:00+07:6x")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    public void TryParseTime_ImpossibleOrAmbiguousTimes_AreRejected(string text)
    {
        Assert.False(ObservationRules.TryParseTime(text, out _, out var reason));
        Assert.NotNull(reason);
    }
}

public sealed class ObservationWriterTests
{
    private static readonly DateTime Start = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The rows of one station's water level every 5 minutes from the start, all of the same value.</summary>
    private static ObservationRows Rows(int stationId, int count, double value)
    {
        var batch = ObservationColumns.From([.. Enumerable.Range(0, count).Select(i => new ObservationInput("S1", Start.AddMinutes(5 * i).ToString("yyyy-MM-ddTHH:mm:ssZ"), "WaterLevel", value))]);
        return new ObservationRows(batch, [stationId], [.. Enumerable.Range(0, count)], Start, "test");
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task InsertFreshAsync_AKeyStoredMeanwhile_FallsBackToTheUpsertAndStoresEveryRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(Actor.System);
        var station = new Station { Code = "S1", Name = "S1", UnitId = t.CommuneA.Id };
        db.Stations.Add(station);
        await db.SaveChangesAsync();

        // Another writer stored row 500 after the batch was classified: the COPY fails on its key.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await ObservationWriter.UpsertAsync(db, Rows(station.Id, 1200, 1.0).Only([500]), CancellationToken.None);
            await ObservationWriter.InsertFreshAsync(db, Rows(station.Id, 1200, 2.0), CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Equal(1200, await db.Observations.CountAsync());
        Assert.Equal(1200, await db.Observations.CountAsync(o => o.Value == 2.0));
    }
}
