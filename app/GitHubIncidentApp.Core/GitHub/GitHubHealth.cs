namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Whether GitHub answers for an installation (the repository owner), shared by every delivery of this
/// replica. A 5xx, a timeout or a lost connection marks it down; from then on one call at a time probes
/// it, 5 s after the failure and then at doubling intervals up to <see cref="MaxProbeInterval"/>, and every
/// other call fails at once without reaching GitHub, so that deliveries wait for the probe instead of each
/// backing off on its own schedule. The first answer (any answer, even a 422) marks GitHub up again.
/// </summary>
public sealed class GitHubHealth(TimeProvider time)
{
    public static readonly TimeSpan FirstProbeInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Short enough that every waiting delivery is sent within 30 s of GitHub answering again: at most this long until
    /// a probe sees it, the rest for the backlog (bench/ recovery: 50 groups took 46 s at 20 s). One request per 10 s
    /// per installation is nothing to GitHub.
    /// </summary>
    public static readonly TimeSpan MaxProbeInterval = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Outage> _outages = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True while no installation has GitHub marked down.</summary>
    public bool IsHealthy
    {
        get
        {
            lock (_outages)
            {
                return _outages.Count == 0;
            }
        }
    }

    /// <summary>
    /// Lets <paramref name="request"/> go to GitHub when GitHub is up for <paramref name="installation"/> or when
    /// it is the probe's turn; report its outcome on the returned call and dispose it when done.
    /// </summary>
    /// <exception cref="GitHubUnavailableException">GitHub is down and another call probes it, or the probe is not due yet.</exception>
    public Call Admit(string installation, string request)
    {
        var now = time.GetUtcNow();
        lock (_outages)
        {
            if (!_outages.TryGetValue(installation, out var outage))
            {
                return new Call(this, installation, probe: false);
            }

            if (!outage.Probing && outage.NextProbe <= now)
            {
                outage.Probing = true;
                return new Call(this, installation, probe: true);
            }

            // While a probe is under way its outcome is unknown: come back after the shortest interval.
            var retryAt = outage.Probing ? now + FirstProbeInterval : outage.NextProbe;
            throw new GitHubUnavailableException(request, outage.Since, retryAt);
        }
    }

    private void Answered(string installation)
    {
        lock (_outages)
        {
            _outages.Remove(installation);
        }
    }

    private void Failed(string installation, bool probe)
    {
        var now = time.GetUtcNow();
        lock (_outages)
        {
            if (!_outages.TryGetValue(installation, out var outage))
            {
                _outages[installation] = new Outage { Since = now, Interval = FirstProbeInterval, NextProbe = now + FirstProbeInterval };
                return;
            }

            // Calls already under way when GitHub went down fail too; only a failed probe lengthens the wait.
            if (!probe)
            {
                return;
            }

            outage.Interval = outage.Interval * 2 < MaxProbeInterval ? outage.Interval * 2 : MaxProbeInterval;
            outage.NextProbe = now + outage.Interval;
        }
    }

    private void Ended(string installation, bool probe)
    {
        if (!probe)
        {
            return;
        }

        lock (_outages)
        {
            if (_outages.TryGetValue(installation, out var outage))
            {
                outage.Probing = false;
            }
        }
    }

    /// <summary>One admitted call; tell it how GitHub answered, then dispose it (which frees the probe's turn).</summary>
    public sealed class Call(GitHubHealth health, string installation, bool probe) : IDisposable
    {
        /// <summary>GitHub answered (success or a failure of this call's own, such as a 404 or a rate limit).</summary>
        public void Answered() => health.Answered(installation);

        /// <summary>GitHub failed as a whole (5xx, timeout, lost connection): only probes go out for a while.</summary>
        public void Failed() => health.Failed(installation, probe);

        public void Dispose() => health.Ended(installation, probe);
    }

    private sealed class Outage
    {
        public required DateTimeOffset Since { get; init; }
        public required TimeSpan Interval { get; set; }
        public required DateTimeOffset NextProbe { get; set; }
        public bool Probing { get; set; }
    }
}
