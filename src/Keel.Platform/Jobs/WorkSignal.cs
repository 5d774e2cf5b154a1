namespace Keel.Platform.Jobs;

/// <summary>
/// Wakes a <see cref="PollingWorker{TWork}"/> as soon as new work was committed, so it does not wait for its next poll. One
/// singleton per kind of work: <typeparamref name="TWork"/>, the queued item type, tells them apart.
/// </summary>
public sealed class WorkSignal<TWork>
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { }
    }

    /// <summary>Returns when woken, or when <paramref name="timeout"/> (measured on <paramref name="time"/>) has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal.
        }
    }
}
