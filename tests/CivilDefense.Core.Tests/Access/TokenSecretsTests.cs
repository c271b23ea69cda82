using CivilDefense.Core.Access;

namespace CivilDefense.Core.Tests.Access;

public sealed class TokenSecretsTests
{
    [Fact]
    public void New_token_has_its_prefix_and_matches_only_its_hash()
    {
        var token = TokenSecrets.Create();

        Assert.StartsWith(token.Prefix + "_", token.Token, StringComparison.Ordinal);
        Assert.Equal(token.Prefix, TokenSecrets.PrefixOf(token.Token));
        Assert.True(TokenSecrets.Matches(token.Token, token.SecretHash));
        Assert.False(TokenSecrets.Matches(token.Token + "x", token.SecretHash));
        Assert.DoesNotContain(token.Token, token.SecretHash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("ptds_short_secret")]
    [InlineData("other_12345678_secret")]
    public void Foreign_shapes_have_no_prefix(string token)
    {
        Assert.Null(TokenSecrets.PrefixOf(token));
    }
}
