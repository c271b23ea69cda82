using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.StockCounts;

/// <summary>
/// Records a commune's count as a draft after validating the batch as a whole: every item must be
/// one of the unit's own supplies or equipment lots, counted once, with a non-negative quantity.
/// </summary>
public sealed class SubmitStockCount(PtdsDbContext db)
{
    public sealed record Line(StockItemKind ItemKind, int ItemId, [property: Range(0, 1e12)] double Quantity, [property: StringLength(500)] string? Note = null);

    public sealed record Input([property: Required] int UnitId, DateOnly CountedOn, [property: StringLength(1000)] string? Note, [property: Required] IReadOnlyList<Line> Lines);

    public async Task<Result<StockCountDetails>> HandleAsync(Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId, ct))
        {
            return new NotFoundError("No such administrative unit.");
        }

        var items = await StockItems.OfUnitAsync(db, input.UnitId, ct);
        var problems = new Dictionary<string, string[]>();
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            var problem = InputValidation.Check(line) is { } bad ? bad.FieldErrors!.Values.First()[0]
                : !items.ContainsKey((line.ItemKind, line.ItemId)) ? "not an item of this unit"
                : input.Lines.Take(i).Any(l => l.ItemKind == line.ItemKind && l.ItemId == line.ItemId) ? "counted twice"
                : null;
            if (problem is not null)
            {
                problems[$"lines[{i}]"] = [$"{line.ItemKind} {line.ItemId}: {problem}"];
            }
        }

        if (input.Lines.Count == 0)
        {
            problems["lines"] = ["A count needs at least one line."];
        }

        if (problems.Count > 0)
        {
            return new ValidationError("The count is not valid; nothing was recorded.") { FieldErrors = problems };
        }

        var count = new StockCount
        {
            UnitId = input.UnitId,
            CountedOn = input.CountedOn,
            SubmittedBy = db.Actor.Name,
            SubmittedAt = db.Clock.GetUtcNow().UtcDateTime,
            State = StockCountState.Draft,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            Lines = [.. input.Lines.Select(l => new StockCountLine
            {
                ItemKind = l.ItemKind,
                ItemId = l.ItemId,
                ItemName = items[(l.ItemKind, l.ItemId)].Name,
                UnitOfMeasure = items[(l.ItemKind, l.ItemId)].UnitOfMeasure,
                CountedQuantity = l.Quantity,
                Note = string.IsNullOrWhiteSpace(l.Note) ? null : l.Note.Trim(),
            })],
        };
        db.StockCounts.Add(count);
        await db.SaveChangesAsync(ct);
        return (await new GetStockCount(db).HandleAsync(count.Id, ct)).Value!;
    }
}
