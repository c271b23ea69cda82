using CivilDefense.Core.Access;

namespace CivilDefense.Core.Tests.Access;

public sealed class PasswordsTests
{
    private static readonly User Someone = new() { UserName = "u", DisplayName = "U" };

    [Theory]
    [InlineData("", false)]
    [InlineData("ngan", false)]
    [InlineData("123456789", false)]
    [InlineData("1234567890", true)]
    [InlineData("mật khẩu dài hơn", true)]
    public void Check_requires_the_minimum_length(string password, bool acceptable)
    {
        Assert.Equal(acceptable, Passwords.Check(password) is null);
    }

    [Fact]
    public void Hash_verifies_only_the_same_password()
    {
        var user = new User { UserName = "u", DisplayName = "U" };
        user.PasswordHash = Passwords.Hash(user, "mot-mat-khau-dai");

        Assert.DoesNotContain("mot-mat-khau-dai", user.PasswordHash, StringComparison.Ordinal);
        Assert.True(Passwords.Verify(user, "mot-mat-khau-dai"));
        Assert.False(Passwords.Verify(user, "Mot-mat-khau-dai"));
        Assert.NotEqual(user.PasswordHash, Passwords.Hash(user, "mot-mat-khau-dai"));
    }

    [Fact]
    public void User_without_a_password_cannot_sign_in()
    {
        Assert.False(Passwords.Verify(Someone, ""));
        Assert.False(Passwords.Verify(Someone, "anything-at-all"));
    }

    [Fact]
    public void Generated_passwords_are_acceptable_unique_and_without_look_alikes()
    {
        var generated = Enumerable.Range(0, 50).Select(_ => Passwords.Generate()).ToList();

        Assert.All(generated, p =>
        {
            Assert.Equal(16, p.Length);
            Assert.Null(Passwords.Check(p));
            Assert.DoesNotContain(p, c => "0O1lI".Contains(c, StringComparison.Ordinal));
        });
        Assert.Equal(generated.Count, generated.Distinct().Count());
    }
}
