namespace CivilDefense.Core.Access;

/// <summary>
/// Thrown by the DbContext when a save would change a record outside the actor's rights. Handlers
/// check first and return a typed error; this is the backstop that makes a forgotten check safe.
/// </summary>
public sealed class AccessDeniedException(string message) : Exception(message);
