using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Monitoring;

/// <summary>What a user may change on a station: its zone, operator, variables, plausible range and ingest token.</summary>
public sealed record StationInput(
    [property: Range(1, 10)] int? Zone,
    [property: StringLength(200)] string? Operator,
    [property: Required, StringLength(100, MinimumLength = 1)] string Variables,
    [property: Range(-50, 100)] double? WaterLevelMin,
    [property: Range(-50, 100)] double? WaterLevelMax,
    int? IngestTokenId,
    int Version);

public sealed class UpdateStation(PtdsDbContext db)
{
    public async Task<Result<StationView>> HandleAsync(int id, StationInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var station = await db.Stations.Include(s => s.Unit).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (station is null)
        {
            return new NotFoundError("No such station.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.Monitoring, station.Unit.Path))
        {
            return new ForbiddenError("You may not change this station.");
        }

        if (input.Version != station.Version)
        {
            return new ConflictError();
        }

        var names = input.Variables.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0 || names.Any(n => !Enum.TryParse<StationVariable>(n, out var v) || !Enum.IsDefined(v) || int.TryParse(n, out _)))
        {
            return ValidationError.ForField(nameof(StationInput.Variables), "List variables among WaterLevel, Rainfall, Salinity, Wind, separated by commas.");
        }

        if (input.WaterLevelMin is { } min && input.WaterLevelMax is { } max && max <= min)
        {
            return ValidationError.ForField(nameof(StationInput.WaterLevelMax), "The highest plausible level must be above the lowest.");
        }

        if (input.IngestTokenId is { } tokenId && !await db.ApiTokens.AnyAsync(t => t.Id == tokenId && t.RevokedAt == null, ct))
        {
            return ValidationError.ForField(nameof(StationInput.IngestTokenId), "No such usable API token in your scope.");
        }

        station.Zone = input.Zone;
        station.Operator = string.IsNullOrWhiteSpace(input.Operator) ? null : input.Operator.Trim();
        station.Variables = string.Join(",", names.Select(n => Enum.Parse<StationVariable>(n).ToString()).Distinct());
        station.WaterLevelMin = input.WaterLevelMin;
        station.WaterLevelMax = input.WaterLevelMax;
        station.IngestTokenId = input.IngestTokenId;
        await db.SaveChangesAsync(ct);
        return (await new GetStation(db).HandleAsync(id, ct)).Value!;
    }
}
