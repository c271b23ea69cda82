using CivilDefense.Core.Common;
using CivilDefense.Core.Shelters;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>Something done with a registry kind chosen by name at run time (a CLI argument, a page route).</summary>
public interface IRegistryAction<TResult>
{
    Task<TResult> RunAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView;
}

/// <summary>The registry kinds by name.</summary>
public static class RegistryKinds
{
    public static IReadOnlyList<string> Names { get; } =
        [ForceRegistry.Instance.Name, EquipmentRegistry.Instance.Name, SupplyRegistry.Instance.Name, LogisticsPointRegistry.Instance.Name, ShelterRegistry.Instance.Name];

    /// <summary>Runs the action on the named kind; null when there is no such kind.</summary>
    public static Task<TResult>? Run<TResult>(string name, IRegistryAction<TResult> action) =>
        name switch
        {
            "forces" => action.RunAsync(ForceRegistry.Instance),
            "equipment" => action.RunAsync(EquipmentRegistry.Instance),
            "supplies" => action.RunAsync(SupplyRegistry.Instance),
            "logistics-points" => action.RunAsync(LogisticsPointRegistry.Instance),
            "shelters" => action.RunAsync(ShelterRegistry.Instance),
            _ => null,
        };
}
