using CivilDefense.Web.Features.Subscribers;
using Microsoft.Extensions.Configuration;

namespace CivilDefense.Web.Tests.Features.Subscribers;

/// <summary>The key of unsubscribe links, made on first start and shared by instances that start together.</summary>
public sealed class SubscriberLinkKeyTests
{
    [Fact]
    public async Task InstancesStartingTogether_AllGetTheSameWholeKey()
    {
        var directory = Directory.CreateTempSubdirectory("ptds-link-key-");
        try
        {
            // Before the fix an instance could read the file another had created but not yet
            // written: a key of no bytes. The window is short: many rounds, the instances released together.
            for (var round = 0; round < 200; round++)
            {
                var configuration = new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?> { ["Subscribers:LinkKeyFile"] = Path.Combine(directory.FullName, $"links-{round}.key") })
                    .Build();
                using var start = new Barrier(4);
                var keys = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
                {
                    start.SignalAndWait();
                    return SubscriberServices.LinkKey(configuration);
                })));

                Assert.All(keys, key => Assert.Equal(32, key.Length));
                Assert.Single(keys.Select(Convert.ToBase64String).Distinct());
            }

            Assert.Equal(200, directory.GetFiles().Length); // one key file a round
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
