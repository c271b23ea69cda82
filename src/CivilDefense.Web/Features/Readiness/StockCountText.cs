using CivilDefense.Core.Resources;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Readiness;

public static class StockCountText
{
    public static string State(StockCountState state, UiText text) => state switch
    {
        StockCountState.Draft => text["Draft (not applied)"],
        StockCountState.Applied => text["Applied"],
        _ => text["Discarded"],
    };
}
