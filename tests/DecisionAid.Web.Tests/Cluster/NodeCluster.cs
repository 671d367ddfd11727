using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DecisionAid.Web.Tests.Data;
using DecisionAid.Web.Tests.Library;

namespace DecisionAid.Web.Tests.Cluster;

/// <summary>
/// Published nodes of the site on one PostgreSQL database, behind Debian's nginx as a round-robin load balancer with
/// TLS, all on loopback: as docs/deployment.md sets it up. A node can be killed (SIGKILL) and started again.
/// </summary>
internal sealed class NodeCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly Process?[] _nodes;
    private readonly int[] _ports;
    private readonly string _folder = TestFolders.NewTemp("pda-cluster");
    private Process? _nginx;

    private NodeCluster(TestDatabase database, int nodes)
    {
        _environment = new()
        {
            ["Storage__Provider"] = Storage.Postgres,
            ["ConnectionStrings__DecisionAid"] = database.ConnectionString,
            ["ForwardedHeaders__KnownProxies"] = "127.0.0.1",
        };
        _nodes = new Process?[nodes];
        _ports = new int[nodes];
    }

    /// <summary>nginx's own address: https://127.0.0.1:PORT (a certificate made for the test).</summary>
    public Uri Address { get; private set; } = default!;

    public static async Task<NodeCluster> StartAsync(TestDatabase database, int nodes)
    {
        var cluster = new NodeCluster(database, nodes);
        try
        {
            for (var i = 0; i < nodes; i++) await cluster.StartNodeAsync(i);
            await cluster.StartNginxAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: the node gets no chance to finish anything.</summary>
    public async Task KillAsync(int node)
    {
        var process = _nodes[node]!;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        _nodes[node] = null;
    }

    public Task RestartAsync(int node) => StartNodeAsync(node);

    /// <summary>A browser of its own: cookies, no redirects followed, trusting the test's certificate.</summary>
    public HttpClient Browser() => new(new HttpClientHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    private async Task StartNodeAsync(int node)
    {
        var environment = new Dictionary<string, string>(_environment);
        // A restarted node comes back on its old port, where nginx expects it (the environment's Urls wins over the one picked).
        if (_ports[node] != 0) environment["Urls"] = $"http://127.0.0.1:{_ports[node]}";
        var (process, picked) = PublishedApp.Start(environment);
        var port = _ports[node] != 0 ? _ports[node] : picked;
        _nodes[node] = process;
        _ports[node] = port;
        using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await PublishedApp.WaitUntilUpAsync(direct, process);
    }

    private async Task StartNginxAsync()
    {
        var port = FreePort();
        Address = new Uri($"https://127.0.0.1:{port}");
        var key = Path.Combine(_folder, "key.pem");
        var certificate = Path.Combine(_folder, "cert.pem");
        await RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1"]);
        var servers = string.Concat(_ports.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;\n"));
        var config = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            daemon off;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                upstream nodes {
            {{servers}}    }
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{certificate}};
                    ssl_certificate_key {{key}};
                    client_max_body_size 30m;
                    location / {
                        proxy_pass http://nodes;
                        proxy_set_header Host $host:$server_port;
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_connect_timeout 2s;
                        proxy_next_upstream error timeout http_502 http_503;
                    }
                }
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo("nginx", ["-c", config, "-p", _folder, "-e", Path.Combine(_folder, "error.log")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _nginx.BeginOutputReadLine();
        _nginx.BeginErrorReadLine();
        using var client = Browser();
        for (var i = 0; i < 240; i++)
        {
            Assert.False(_nginx.HasExited, $"nginx exited at start: {ErrorLog()}");
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(125);
        }
        Assert.Fail($"nginx did not answer within 30 seconds: {ErrorLog()}");
    }

    private string ErrorLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    private static async Task RunAsync(string tool, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _nodes.Append(_nginx).OfType<Process>())
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // nginx's temp folders may still be closing; the temp folder is the system's to clear
        }
    }
}
