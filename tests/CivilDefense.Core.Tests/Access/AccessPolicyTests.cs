using CivilDefense.Core.Access;

namespace CivilDefense.Core.Tests.Access;

public sealed class AccessPolicyTests
{
    private const string Province = "/1/";
    private const string CommuneA = "/1/2/";
    private const string CommuneB = "/1/3/";

    private static Actor At(Role role, string path, int? organizationId = null) => new(role.ToString(), role, 2, path, organizationId);

    public static TheoryData<Role, Resource, bool> ReadTable => new()
    {
        { Role.Administrator, Resource.Territory, true }, { Role.Administrator, Resource.Users, true }, { Role.Administrator, Resource.ApiTokens, true }, { Role.Administrator, Resource.Audit, true },
        { Role.Commander, Resource.Organizations, true }, { Role.Commander, Resource.Audit, true }, { Role.Commander, Resource.Users, false }, { Role.Commander, Resource.ApiTokens, false },
        { Role.Officer, Resource.CommandBoards, true }, { Role.Officer, Resource.Audit, false }, { Role.Officer, Resource.Users, false },
        { Role.AgencyLiaison, Resource.Territory, true }, { Role.AgencyLiaison, Resource.Audit, false }, { Role.AgencyLiaison, Resource.ApiTokens, false },
        { Role.Viewer, Resource.Readiness, true }, { Role.Viewer, Resource.Plans, true }, { Role.Viewer, Resource.ReadinessNorms, true }, { Role.Viewer, Resource.ReadinessCatalogue, true }, { Role.Viewer, Resource.Territory, true }, { Role.Viewer, Resource.Organizations, true }, { Role.Viewer, Resource.CommandBoards, true }, { Role.Viewer, Resource.Audit, false }, { Role.Viewer, Resource.Users, false }, { Role.Viewer, Resource.Subscribers, true }, { Role.Viewer, Resource.Alerts, true }, { Role.Viewer, Resource.AlertFeeds, true },
        { Role.Viewer, Resource.Monitoring, true }, { Role.Viewer, Resource.RiskRules, true }, { Role.AgencyLiaison, Resource.Monitoring, true },
    };

    public static TheoryData<Role, Resource, bool> WriteTable
    {
        get
        {
            var allowed = new Dictionary<Role, Resource[]>
            {
                [Role.Administrator] = [Resource.Territory, Resource.Organizations, Resource.CommandBoards, Resource.Users, Resource.ApiTokens, Resource.Readiness, Resource.ReadinessCatalogue, Resource.ReadinessNorms, Resource.Plans, Resource.Monitoring, Resource.RiskRules, Resource.Subscribers, Resource.Alerts, Resource.AlertFeeds],
                [Role.Commander] = [Resource.Territory, Resource.Organizations, Resource.CommandBoards, Resource.Readiness, Resource.ReadinessNorms, Resource.Plans, Resource.Monitoring, Resource.RiskRules, Resource.Subscribers, Resource.Alerts, Resource.AlertFeeds],
                [Role.Officer] = [Resource.Organizations, Resource.CommandBoards, Resource.Readiness, Resource.Plans, Resource.Monitoring, Resource.Subscribers, Resource.Alerts],
                [Role.AgencyLiaison] = [Resource.Organizations, Resource.Readiness, Resource.Plans, Resource.Subscribers],
                [Role.Viewer] = [],
            };
            var data = new TheoryData<Role, Resource, bool>();
            foreach (var (role, resources) in allowed)
            {
                foreach (var resource in Enum.GetValues<Resource>())
                {
                    data.Add(role, resource, resources.Contains(resource));
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ReadTable))]
    public void CanRead_follows_the_role_table(Role role, Resource resource, bool expected)
    {
        Assert.Equal(expected, AccessPolicy.CanRead(At(role, CommuneA), resource));
    }

    [Theory]
    [MemberData(nameof(WriteTable))]
    public void CanWriteAny_follows_the_role_table(Role role, Resource resource, bool expected)
    {
        Assert.Equal(expected, AccessPolicy.CanWriteAny(At(role, CommuneA), resource));
    }

    [Theory]
    [MemberData(nameof(WriteTable))]
    public void CanWrite_inside_scope_follows_the_table_and_nothing_outside(Role role, Resource resource, bool expected)
    {
        var organizationId = role == Role.AgencyLiaison ? 9 : (int?)null;
        var actor = At(role, CommuneA, organizationId);

        Assert.Equal(expected, AccessPolicy.CanWrite(actor, resource, CommuneA + "5/", organizationId));
        Assert.False(AccessPolicy.CanWrite(actor, resource, CommuneB, organizationId));
        Assert.False(AccessPolicy.CanWrite(actor, resource, Province, organizationId));
    }

    [Fact]
    public void Sibling_path_with_the_same_prefix_digits_is_outside_scope()
    {
        Assert.False(AccessPolicy.CanWrite(At(Role.Administrator, "/1/2/"), Resource.Organizations, "/1/23/"));
    }

    [Fact]
    public void Liaison_writes_only_its_own_organisation()
    {
        var liaison = At(Role.AgencyLiaison, CommuneA, organizationId: 9);

        Assert.True(AccessPolicy.CanWrite(liaison, Resource.Organizations, CommuneA, 9));
        Assert.False(AccessPolicy.CanWrite(liaison, Resource.Organizations, CommuneA, 10));
        Assert.False(AccessPolicy.CanWrite(liaison, Resource.Organizations, CommuneA, null));
        Assert.False(AccessPolicy.CanWrite(liaison with { OrganizationId = null }, Resource.Organizations, CommuneA, null));
    }

    [Fact]
    public void System_may_do_everything()
    {
        Assert.All(Enum.GetValues<Resource>(), resource =>
        {
            Assert.True(AccessPolicy.CanRead(Actor.System, resource));
            Assert.True(AccessPolicy.CanWrite(Actor.System, resource, ""));
        });
        Assert.True(AccessPolicy.CanGrant(Actor.System, Province));
    }

    [Theory]
    [InlineData(Role.Administrator, CommuneA, true)]
    [InlineData(Role.Administrator, CommuneA + "7/", true)]
    [InlineData(Role.Administrator, CommuneB, false)]
    [InlineData(Role.Administrator, Province, false)]
    [InlineData(Role.Commander, CommuneA, false)]
    [InlineData(Role.Officer, CommuneA, false)]
    [InlineData(Role.Viewer, CommuneA, false)]
    public void CanGrant_only_administrators_within_their_scope(Role role, string target, bool expected)
    {
        Assert.Equal(expected, AccessPolicy.CanGrant(At(role, CommuneA), target));
    }
}
