using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CivilDefense.Web.Tests.Cli;

/// <summary>A tiny HTTP server on 127.0.0.1 serving fixed documents by path, recording what was asked.</summary>
internal sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, (byte[] Body, string Type)> _files;
    private readonly Task _loop;

    public LoopbackFileServer(IReadOnlyDictionary<string, (byte[] Body, string Type)> files)
    {
        _files = files;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<string> Requested { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            Requested.Enqueue(path);
            if (_files.TryGetValue(path, out var file))
            {
                context.Response.ContentType = file.Type;
                await context.Response.OutputStream.WriteAsync(file.Body);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }
}
