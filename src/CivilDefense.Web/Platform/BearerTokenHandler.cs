using System.Text.Encodings.Web;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Platform;

/// <summary>
/// Authenticates machines by "Authorization: Bearer ptds_…". The token row is found by its public
/// prefix and the secret compared by hash in constant time; revoked and expired tokens fail.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PtdsDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (TokenSecrets.PrefixOf(token) is not { } prefix)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var row = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Prefix == prefix)
            .Select(t => new { t.Id, t.Name, t.SecretHash, t.Role, t.UnitId, t.Unit.Path, t.OrganizationId, t.ExpiresAt, t.RevokedAt, t.LastUsedAt })
            .SingleOrDefaultAsync(Context.RequestAborted);
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        if (row is null || !TokenSecrets.Matches(token, row.SecretHash) || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("Invalid, expired or revoked token.");
        }

        // Last use is bookkeeping, not a change of the record: written directly (not audited), at most once a minute.
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.IgnoreQueryFilters().Where(t => t.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = PtdsClaims.Create(SchemeName, row.Name, row.Role, row.UnitId, row.Path, row.OrganizationId, userId: null, tokenId: row.Id);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
