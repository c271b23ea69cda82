using CivilDefense.Web.Platform;

// PTDS web host: server-rendered pages and the /api/v1 REST API over the same Core handlers.
// The wiring lives in Platform/WebHost.cs so tests and benchmarks start exactly this app.
var builder = WebApplication.CreateBuilder(args);
builder.AddPtdsWeb();

var app = builder.Build();
app.UsePtdsWeb();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
