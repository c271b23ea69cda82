using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivilDefense.Core.Data;

public static class DataServices
{
    /// <summary>Registers the DbContext on the configured provider; the host supplies the actor accessor.</summary>
    public static IServiceCollection AddPtdsData(this IServiceCollection services, DatabaseOptions options)
    {
        options.EnsureSqliteFolder();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<PtdsDbContext>(options.Apply);
        services.AddScoped<SchemaMigrator>();
        return services;
    }

    /// <summary>
    /// The CREATE script EF would produce for the model on a provider. Used to write the next
    /// migration script by comparison, and by the test that checks scripts against the model.
    /// </summary>
    public static string GenerateModelScript(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<PtdsDbContext>();
        options.Apply(builder);
        using var db = new PtdsDbContext(builder.Options, new Access.FixedActorAccessor(Access.Actor.System), TimeProvider.System);
        return db.Database.GenerateCreateScript();
    }
}
