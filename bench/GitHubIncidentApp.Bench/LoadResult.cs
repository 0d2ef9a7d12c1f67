namespace GitHubIncidentApp.Bench;

/// <summary>One open-loop load's figures. Latencies are from each request's scheduled time, in milliseconds.</summary>
/// <param name="Failed">Answers other than 2xx, timeouts and connection errors.</param>
/// <param name="FailureKinds">How many of each: status code, timeout or connection.</param>
/// <param name="SendLagP99Ms">How late the load generator itself started requests: if this is high, the client, not the app, was the bottleneck.</param>
internal sealed record LoadResult(
    int Rate, int Sent, double P50Ms, double P99Ms, double MaxMs, int Failed, string FailureKinds, double SendLagP99Ms, double SendLagMaxMs)
{
    public override string ToString() => FormattableString.Invariant(
        $"{Rate,5}/s  {Sent,6} sent  p50 {P50Ms,7:F1} ms  p99 {P99Ms,8:F1} ms  max {MaxMs,8:F1} ms  non-2xx {Failed,5}{(Failed > 0 ? $" ({FailureKinds})" : string.Empty)}  send lag p99 {SendLagP99Ms:F1} ms, max {SendLagMaxMs:F1} ms");
}
