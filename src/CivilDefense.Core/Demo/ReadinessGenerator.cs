using CivilDefense.Core.Resources;
using CivilDefense.Core.Shelters;

namespace CivilDefense.Core.Demo;

/// <summary>A unit the generator equips: its id, population and centroid.</summary>
public sealed record GeneratorUnit(int Id, string Name, int? Population, double? CentroidLat, double? CentroidLon);

/// <summary>Generated registry records, not yet saved.</summary>
public sealed record ReadinessSet(
    List<Force> Forces, List<EquipmentLot> EquipmentLots, List<SupplyStock> SupplyStocks, List<LogisticsPoint> LogisticsPoints, List<Shelter> Shelters)
{
    public int RecordCount => Forces.Count + EquipmentLots.Count + SupplyStocks.Count + LogisticsPoints.Count + Shelters.Count;
}

/// <summary>
/// A deterministic, realistic readiness registry (same seed, units and target: same records), for
/// the demo province and for the national-scale benchmark. Sizes follow population (assumptions in
/// data/demo/PROVENANCE.md, "Readiness registry"); about one commune in six is deliberately short
/// (a fifth of the usual quantities, no boats, no evacuation centre) so scorecards show gaps.
/// Records are spread evenly: each unit gets recordsTarget / units records, cycling through a
/// template list, so a larger target adds more lots, stocks and teams per unit, not new kinds.
/// </summary>
public static class ReadinessGenerator
{
    private delegate void Template(Context c);

    /// <summary>The order records are made in for one unit: the first 28 are a commune's typical registry.</summary>
    private static readonly Template[] Templates =
    [
        c => c.Force(ForceKind.Militia, "Trung đội dân quân cơ động", c.Scaled(0.012, 15, 120)),
        c => c.Force(ForceKind.ShockTeam, "Đội xung kích phòng chống thiên tai", c.Range(20, 45)),
        c => c.Force(ForceKind.CommunePolice, "Công an", c.Range(10, 28)),
        c => c.Lot("BOAT-ALU", c.Scaled(1 / 4000.0, 1, 12), boat: true),
        c => c.Lot("LIFEJACKET", c.Scaled(0.02, 20, 900)),
        c => c.Lot("PUMP-S", c.Range(1, 6)),
        c => c.Lot("GEN-S", c.Range(1, 4)),
        c => c.Supply(SupplyCategory.Food, "Gạo", c.Scaled(0.5, 200, 20_000), "kg", 365),
        c => c.Supply(SupplyCategory.DrinkingWater, "Nước uống đóng chai", c.Scaled(1.0, 200, 40_000), "lít", 540),
        c => c.Supply(SupplyCategory.Sandbags, "Bao cát", c.Range(300, 3000), "bao", null),
        c => c.Point(LogisticsPointKind.Depot, "Kho vật tư PCTT", "120 m², 20 t"),
        c => c.Shelter(ShelterKind.DualUseBuilding, BuildingUse.School, "Trường Tiểu học", c.Range(250, 700), floors: 2),
        c => c.Shelter(ShelterKind.DualUseBuilding, BuildingUse.Pagoda, "Chùa", c.Range(80, 300), floors: 0),
        c => c.Shelter(ShelterKind.DualUseBuilding, BuildingUse.Office, "Trụ sở UBND", c.Range(100, 250), floors: 1),
        c => c.Supply(SupplyCategory.Medicine, "Cơ số thuốc sơ cứu", c.Range(5, 40), "cơ số", 300),
        c => c.Supply(SupplyCategory.Fuel, "Dầu diesel", c.Range(200, 2000), "lít", null),
        c => c.Lot("RESCUE-KIT", c.Range(1, 5)),
        c => c.Lot("FIRSTAID-KIT", c.Range(3, 20)),
        c => c.Lot("TENT-S", c.Range(5, 40)),
        c => c.Force(ForceKind.Volunteer, "Đội tình nguyện viên Chữ thập đỏ", c.Range(10, 40)),
        c => c.Point(LogisticsPointKind.Kitchen, "Bếp ăn tập thể", "300 suất/bữa"),
        c => c.Point(LogisticsPointKind.MedicalPoint, "Trạm y tế", "10 giường"),
        c => c.Shelter(ShelterKind.EvacuationCentre, null, "Điểm sơ tán tập trung", c.Range(400, 1500), floors: 2, centre: true),
        c => c.Shelter(ShelterKind.DualUseBuilding, BuildingUse.School, "Trường Trung học cơ sở", c.Range(300, 900), floors: 2),
        c => c.Lot("LIFEBUOY", c.Scaled(0.005, 10, 300)),
        c => c.Lot("PUMP-L", c.Range(0, 2)),
        c => c.Force(ForceKind.PartTime, "Tổ kiêm nhiệm thông tin, cảnh báo", c.Range(5, 15)),
        c => c.Lot("BOAT-COMP", c.Range(1, 4), boat: true, privately: true),
    ];

    /// <summary>Records per unit in the demo: the template list once.</summary>
    public static int TypicalPerUnit => Templates.Length;

    /// <param name="units">The units to equip (communes).</param>
    /// <param name="recordsTarget">Registry records to make in all (forces, lots, stocks, points, shelters; skills not counted).</param>
    /// <param name="seed">Fixes every random choice.</param>
    /// <param name="equipmentTypeIds">Catalogue ids by code (the default catalogue of migration 0003).</param>
    /// <param name="asOf">The day expiry and maintenance dates are reckoned from.</param>
    public static ReadinessSet Generate(IReadOnlyList<GeneratorUnit> units, int recordsTarget, int seed, IReadOnlyDictionary<string, int> equipmentTypeIds, DateOnly asOf)
    {
        var set = new ReadinessSet([], [], [], [], []);
        if (units.Count == 0)
        {
            return set;
        }

        var random = new Random(seed);
        for (var u = 0; u < units.Count; u++)
        {
            var quota = (recordsTarget / units.Count) + (u < recordsTarget % units.Count ? 1 : 0);
            var context = new Context(units[u], random, set, equipmentTypeIds, asOf, isShort: random.Next(6) == 0);
            for (var i = 0; i < quota; i++)
            {
                context.Round = i / Templates.Length;
                Templates[i % Templates.Length](context);
            }
        }

        return set;
    }

    private sealed class Context(GeneratorUnit unit, Random random, ReadinessSet set, IReadOnlyDictionary<string, int> types, DateOnly asOf, bool isShort)
    {
        private readonly int _population = unit.Population ?? 10_000;

        public int Round { get; set; }

        private string Suffix => Round == 0 ? "" : $" {Round + 1}";

        public int Range(int min, int max) => Short(random.Next(min, max + 1));

        public int Scaled(double perResident, int min, int max) => Short(Math.Clamp((int)(_population * perResident * (0.7 + (0.6 * random.NextDouble()))), min, max));

        /// <summary>A short commune has a fifth of what others have.</summary>
        private int Short(int value) => isShort ? value / 5 : value;

        public void Force(ForceKind kind, string name, int headcount)
        {
            var force = new Force
            {
                UnitId = unit.Id,
                Kind = kind,
                Name = $"{name} {unit.Name}{Suffix}",
                Headcount = headcount,
                Readiness = isShort ? ForceReadiness.Partial : random.Next(10) == 0 ? ForceReadiness.Partial : ForceReadiness.Ready,
                ContactName = "Chỉ huy (demo)",
                ContactPhone = $"0900 {random.Next(100, 999)} {random.Next(100, 999)}",
            };
            foreach (var (skill, share) in new[] { (Skill.Swimming, 0.6), (Skill.FirstAid, 0.3), (Skill.BoatHandling, 0.15), (Skill.SearchAndRescue, 0.2) })
            {
                var members = (int)(headcount * share * random.NextDouble() * (isShort ? 0.3 : 1));
                if (members > 0)
                {
                    force.Skills.Add(new ForceSkill { Skill = skill, CertifiedMembers = members });
                }
            }

            set.Forces.Add(force);
        }

        public void Lot(string typeCode, int quantity, bool boat = false, bool privately = false)
        {
            // A short commune has no boats at all: the gap the flood norms look for first.
            if ((boat && isShort) || quantity == 0 || !types.TryGetValue(typeCode, out var typeId))
            {
                return;
            }

            var (lat, lon) = Near();
            set.EquipmentLots.Add(new EquipmentLot
            {
                UnitId = unit.Id,
                EquipmentTypeId = typeId,
                Quantity = quantity,
                Condition = random.Next(8) == 0 ? AssetCondition.NeedsRepair : AssetCondition.Good,
                Location = "Kho UBND " + unit.Name,
                Latitude = lat,
                Longitude = lon,
                MaintenanceDue = asOf.AddDays(random.Next(-60, 365)),
                IsPrivate = privately,
                PrivateOwnerName = privately ? "Hộ kinh doanh vận tải thủy (demo)" : null,
                PrivateOwnerPhone = privately ? $"0911 {random.Next(100, 999)} {random.Next(100, 999)}" : null,
            });
        }

        public void Supply(SupplyCategory category, string name, int quantity, string unitOfMeasure, int? shelfLifeDays) =>
            set.SupplyStocks.Add(new SupplyStock
            {
                UnitId = unit.Id,
                Category = category,
                ItemName = name + Suffix,
                Quantity = quantity,
                UnitOfMeasure = unitOfMeasure,
                // Some stock expired or about to: the reminders must have something to say.
                ExpiresOn = shelfLifeDays is { } days ? asOf.AddDays(random.Next(-30, days)) : null,
            });

        public void Point(LogisticsPointKind kind, string name, string capacity)
        {
            var (lat, lon) = Near();
            set.LogisticsPoints.Add(new LogisticsPoint { UnitId = unit.Id, Kind = kind, Name = $"{name} {unit.Name}{Suffix}", Latitude = lat, Longitude = lon, CapacityNote = capacity });
        }

        public void Shelter(ShelterKind kind, BuildingUse? use, string name, int capacity, int floors, bool centre = false)
        {
            if ((centre && isShort) || capacity == 0)
            {
                return;
            }

            var (lat, lon) = Near();
            set.Shelters.Add(new Shelter
            {
                UnitId = unit.Id,
                Kind = kind,
                BuildingUse = use,
                Name = $"{name} {unit.Name}{Suffix}",
                Capacity = capacity,
                Latitude = lat,
                Longitude = lon,
                FloorsAboveFloodLevel = floors,
                HasWater = random.Next(5) > 0,
                HasPower = random.Next(4) > 0,
                HasToilets = random.Next(5) > 0,
                HasMedical = centre || random.Next(4) == 0,
                IsAccessible = random.Next(3) == 0,
                Condition = random.Next(10) == 0 ? AssetCondition.NeedsRepair : AssetCondition.Good,
                LastInspectedOn = asOf.AddDays(-random.Next(30, 540)),
            });
        }

        /// <summary>The commune centroid plus up to about 2 km, so points fall inside the commune.</summary>
        private (double? Lat, double? Lon) Near() =>
            unit is { CentroidLat: { } lat, CentroidLon: { } lon }
                ? (Math.Round(lat + ((random.NextDouble() - 0.5) * 0.036), 6), Math.Round(lon + ((random.NextDouble() - 0.5) * 0.036), 6))
                : (null, null);
    }
}
