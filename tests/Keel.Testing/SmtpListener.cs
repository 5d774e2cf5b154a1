using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Keel.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps every message it accepts, for tests of code that sends mail.
/// It can be stopped and started again on the same port to test sending while the mail server is down, and can
/// answer MAIL FROM with a temporary failure (<see cref="TemporaryFailure"/>).
/// Usable directly (<c>await using</c>, then <see cref="StartAsync"/>) or as an xunit class fixture.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable, IAsyncLifetime
{
    /// <summary>The SIZE the server advertises and enforces, in bytes.</summary>
    public const int MaxMessageSize = 50 * 1024 * 1024;

    static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    readonly Lock gate = new();
    readonly List<ReceivedMail> messages = [];
    readonly HashSet<Task> sessions = [];
    TaskCompletionSource messageArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    TcpListener? listener;
    CancellationTokenSource? stopping;
    Task? acceptLoop;
    int connectionCount;

    /// <param name="port">The port to listen on; a free one when omitted.</param>
    public SmtpListener(int? port = null)
    {
        Port = port ?? FreePort.Next();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public bool IsRunning
    {
        get
        {
            lock (gate)
            {
                return listener is not null;
            }
        }
    }

    /// <summary>How every following MAIL FROM is answered; <see cref="SmtpTemporaryFailure.None"/> accepts mail.</summary>
    public SmtpTemporaryFailure TemporaryFailure { get; set; }

    /// <summary>How many connections the server has accepted since it was created.</summary>
    public int ConnectionCount => Volatile.Read(ref connectionCount);

    /// <summary>A snapshot of the messages accepted so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (gate)
            {
                return messages.ToArray();
            }
        }
    }

    /// <summary>Starts listening on <see cref="Port"/>; does nothing if already listening.</summary>
    public Task StartAsync()
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return Task.CompletedTask;
            }

            var started = new TcpListener(IPAddress.Loopback, Port);
            // Connections closed by StopAsync linger in TIME_WAIT; without this the restart could not bind.
            started.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            started.Start();
            listener = started;
            stopping = new CancellationTokenSource();
            acceptLoop = AcceptAsync(started, stopping.Token);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops listening and drops every open connection, so clients get "connection refused" until
    /// <see cref="StartAsync"/>. Messages already received are kept.
    /// </summary>
    public async Task StopAsync()
    {
        Task[] running;
        CancellationTokenSource stopped;
        lock (gate)
        {
            if (listener is null)
            {
                return;
            }

            stopped = stopping!;
            stopped.Cancel();
            listener.Stop();
            listener = null;
            running = [acceptLoop!, .. sessions];
        }

        await Task.WhenAll(running);
        stopped.Dispose();
    }

    /// <summary>Forgets the messages received so far.</summary>
    public void Clear()
    {
        lock (gate)
        {
            messages.Clear();
        }
    }

    /// <summary>
    /// Returns the first message, received before or during the wait, that matches <paramref name="match"/>
    /// (any message when null).
    /// </summary>
    /// <exception cref="TimeoutException">No matching message arrived within <paramref name="timeout"/> (default 10 s).</exception>
    public async Task<ReceivedMail> WaitForMessageAsync(
        Func<ReceivedMail, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        match ??= _ => true;
        var wait = timeout ?? DefaultWait;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        while (true)
        {
            ReceivedMail[] received;
            Task arrived;
            lock (gate)
            {
                received = messages.ToArray();
                arrived = messageArrived.Task;
            }

            if (received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var subjects = received.Length == 0
                    ? "none"
                    : string.Join(", ", received.Select(mail => $"'{mail.Message.Subject}' to {string.Join(";", mail.EnvelopeRecipients)}"));
                throw new TimeoutException(
                    $"No matching mail arrived at {Host}:{Port} within {wait.TotalSeconds:0.#} s. Received: {subjects}.");
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => StopAsync();

    internal string Accept(ReceivedMail mail)
    {
        TaskCompletionSource arrived;
        string id;
        lock (gate)
        {
            messages.Add(mail);
            id = $"{messages.Count:D6}";
            arrived = messageArrived;
            messageArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
        return id;
    }

    async Task AcceptAsync(TcpListener accepting, CancellationToken cancellationToken)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await accepting.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception exception) when (
                exception is OperationCanceledException or ObjectDisposedException or SocketException &&
                cancellationToken.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref connectionCount);
            lock (gate)
            {
                var session = ServeAsync(client, cancellationToken);
                sessions.Add(session);
                _ = session.ContinueWith(finished =>
                {
                    lock (gate)
                    {
                        sessions.Remove(finished);
                    }
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        // Yield first so a slow conversation never holds up the accept loop.
        await Task.Yield();
        using (client)
        await using (cancellationToken.Register(client.Dispose))
        {
            try
            {
                await new SmtpSession(client.GetStream(), this).RunAsync(cancellationToken);
            }
            catch (Exception exception) when (
                exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException
                    or InvalidDataException)
            {
                // The client went away or the listener was stopped: the conversation simply ends.
            }
        }
    }
}
