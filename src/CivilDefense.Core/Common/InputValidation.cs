using System.ComponentModel.DataAnnotations;

namespace CivilDefense.Core.Common;

/// <summary>
/// Checks an input record's DataAnnotations inside the handler, so the CLI and pages get the
/// same validation as the API (which also checks them before the handler runs).
/// </summary>
public static class InputValidation
{
    public static ValidationError? Check(object input)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
        {
            return null;
        }

        var fields = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: r.ErrorMessage ?? "Invalid.")))
            .GroupBy(x => x.Member)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
        return new ValidationError("The input is not valid.") { FieldErrors = fields };
    }
}
