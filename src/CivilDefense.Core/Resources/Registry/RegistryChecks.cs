using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>Checks every registry kind shares: the unit and owner exist in scope, coordinates lie in Viet Nam.</summary>
public static class RegistryChecks
{
    /// <summary>
    /// Viet Nam's bounding box, islands included (Trường Sa reaches 117.8° E, Đất Mũi 8.4° N,
    /// Lũng Cú 23.4° N, A Pa Chải 102.1° E). A coarse test: it catches swapped or mistyped values.
    /// </summary>
    public const double MinLatitude = 8.0, MaxLatitude = 23.5, MinLongitude = 102.0, MaxLongitude = 118.0;

    public static string? CoordinateProblem(double? latitude, double? longitude) =>
        (latitude, longitude) switch
        {
            (null, null) => null,
            (null, _) or (_, null) => "give both latitude and longitude, or neither",
            ( < MinLatitude or > MaxLatitude, _) => "the latitude is outside Viet Nam",
            (_, < MinLongitude or > MaxLongitude) => "the longitude is outside Viet Nam",
            _ => null,
        };

    /// <summary>The shared rules of an input; the kind's own rules follow.</summary>
    public static async Task<Error?> CheckAsync(PtdsDbContext db, IRegistryInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (input is ILocatedInput located && CoordinateProblem(located.Latitude, located.Longitude) is { } problem)
        {
            return ValidationError.ForField(nameof(ILocatedInput.Latitude), problem);
        }

        // A unit out of scope is reported as missing, as reading it would be.
        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId, ct))
        {
            return new NotFoundError("No such administrative unit.");
        }

        if (input.OwnerOrganizationId is { } owner && !await db.Organizations.AnyAsync(o => o.Id == owner, ct))
        {
            return ValidationError.ForField(nameof(IRegistryInput.OwnerOrganizationId), "The owner organisation does not exist.");
        }

        return null;
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
