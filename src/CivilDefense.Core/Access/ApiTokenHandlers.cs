using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>A token in a list: its public prefix and state, never the secret or its hash.</summary>
public sealed record TokenSummary(
    int Id, string Name, string Prefix, Role Role, int UnitId, string UnitName, int? OrganizationId,
    DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, string State);

/// <summary>A new token with its secret, which exists only in this answer.</summary>
public sealed record CreatedToken(TokenSummary Token, string Secret);

/// <summary>API tokens in the administrator's subtree, newest first.</summary>
public sealed class ListTokens(PtdsDbContext db)
{
    public async Task<Result<Page<TokenSummary>>> HandleAsync(bool includeInactive, PageQuery page, CancellationToken ct)
    {
        if (!AccessPolicy.CanRead(db.Actor, Resource.ApiTokens))
        {
            return new ForbiddenError("Only administrators see API tokens.");
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var tokens = db.ApiTokens.AsNoTracking();
        if (!includeInactive)
        {
            tokens = tokens.Where(t => t.RevokedAt == null && t.ExpiresAt > now);
        }

        return await Project(tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id), now).ToPageAsync(page, ct);
    }

    internal static IQueryable<TokenSummary> Project(IQueryable<ApiToken> tokens, DateTime now) =>
        tokens.Select(t => new TokenSummary(
            t.Id, t.Name, t.Prefix, t.Role, t.UnitId, t.Unit.FullName, t.OrganizationId, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt,
            t.RevokedAt != null ? "Revoked" : t.ExpiresAt <= now ? "Expired" : "Active"));

    internal static async Task<TokenSummary> GetAsync(PtdsDbContext db, int id, CancellationToken ct) =>
        await Project(db.ApiTokens.AsNoTracking().Where(t => t.Id == id), db.Clock.GetUtcNow().UtcDateTime).SingleAsync(ct);
}

/// <summary>
/// Issues a token for a machine, bound to a role and a unit in the administrator's subtree, with a
/// required expiry: a forgotten integration should stop working by itself.
/// </summary>
public sealed class CreateToken(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required, StringLength(100, MinimumLength = 1)] string Name,
        [property: Required] Role Role,
        [property: Required] int UnitId,
        [property: Required, Range(1, 365)] int ExpiresInDays,
        int? OrganizationId = null);

    public async Task<Result<CreatedToken>> HandleAsync(Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (!AccessPolicy.CanWriteAny(db.Actor, Resource.ApiTokens))
        {
            return new ForbiddenError("Only administrators issue API tokens.");
        }

        var grant = await UserGrants.CheckAsync(db, input.Role, input.UnitId, input.OrganizationId, nameof(Input.UnitId), nameof(Input.OrganizationId), ct);
        if (grant.Error is { } refused)
        {
            return refused;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var secret = TokenSecrets.Create();
        var token = new ApiToken
        {
            Name = input.Name.Trim(),
            Prefix = secret.Prefix,
            SecretHash = secret.SecretHash,
            Role = input.Role,
            UnitId = grant.Value!.UnitId,
            OrganizationId = grant.Value.OrganizationId,
            CreatedAt = now,
            CreatedByUserId = db.Actor.UserId,
            ExpiresAt = now.AddDays(input.ExpiresInDays),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedToken(await ListTokens.GetAsync(db, token.Id, ct), secret.Token);
    }
}

/// <summary>Revokes a token at once; revoking twice keeps the first time, so the trail says when it stopped.</summary>
public sealed class RevokeToken(PtdsDbContext db)
{
    public async Task<Result<TokenSummary>> HandleAsync(int id, CancellationToken ct)
    {
        if (!AccessPolicy.CanWriteAny(db.Actor, Resource.ApiTokens))
        {
            return new ForbiddenError("Only administrators revoke API tokens.");
        }

        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return new NotFoundError("No such API token.");
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = db.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        return await ListTokens.GetAsync(db, id, ct);
    }
}
