using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CivilDefense.Core.Access;

/// <summary>Password hashing with ASP.NET Core's PasswordHasher (PBKDF2, per-hash salt), and the rules.</summary>
public static class Passwords
{
    public const int MinLength = 10;

    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(User user, string password) =>
        user.PasswordHash.Length > 0
        && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>Null when acceptable, otherwise why not.</summary>
    public static string? Check(string password) =>
        password.Length < MinLength ? $"The password must have at least {MinLength} characters." : null;

    /// <summary>A random password for first start and resets: 16 characters without look-alikes.</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }
}
