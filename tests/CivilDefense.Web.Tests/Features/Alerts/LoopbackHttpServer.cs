using System.Net;
using System.Net.Sockets;

namespace CivilDefense.Web.Tests.Features.Alerts;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) serving fixed documents by path, recording the
/// requests: a neighbour's feed for the poller to read over the network stack.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (byte[] Body, string ContentType)> _documents = [];
    private readonly Task _loop;

    public LoopbackHttpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public List<string> Requests { get; } = [];

    public void Serve(string path, byte[] body, string contentType) => _documents[path] = (body, contentType);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            lock (Requests)
            {
                Requests.Add(path);
            }

            if (_documents.TryGetValue(path, out var document))
            {
                context.Response.ContentType = document.ContentType;
                context.Response.ContentLength64 = document.Body.Length;
                await context.Response.OutputStream.WriteAsync(document.Body);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
