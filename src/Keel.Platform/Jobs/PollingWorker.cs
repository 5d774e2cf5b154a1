using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keel.Platform.Jobs;

/// <summary>
/// The loop shared by the background workers that drain a table of due work (the mail outbox, Stripe events, FixCI
/// analyses): process until nothing is due, then sleep until woken or until the poll interval passes. A failing pass
/// is logged and retried on the next round; the work itself stays in its table, so a crash loses nothing.
/// </summary>
public abstract class PollingWorker<TWork>(WorkSignal<TWork> signal, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Handles what is due now; returns how many items it attempted (0 when nothing was due).</summary>
    public abstract Task<int> ProcessDueAsync(CancellationToken cancellationToken);

    /// <summary>How many items one pass takes at most: a pass that took this many looks again at once.</summary>
    protected virtual int BatchSize => 1;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessDueAsync(stoppingToken) >= BatchSize) { }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Logger.LogError(e, "{Worker} failed; retrying after the poll interval", GetType().Name);
            }
            await signal.WaitAsync(PollInterval, Time, stoppingToken);
        }
    }
}
