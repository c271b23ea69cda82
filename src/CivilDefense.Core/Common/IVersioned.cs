namespace CivilDefense.Core.Common;

/// <summary>
/// An entity with an app-managed optimistic concurrency token. The DbContext increments
/// <see cref="Version"/> on every update so that a client holding an older value gets a conflict
/// (the same on SQLite and PostgreSQL, which have no common row-version type).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
