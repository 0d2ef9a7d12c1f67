namespace GitHubIncidentApp.Bench;

internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Checks <paramref name="done"/> every 20 ms until it holds; past <paramref name="timeout"/>, throws with <paramref name="failure"/>'s text.</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not done after {timeout.TotalSeconds:F0} s: {failure()}");
            }

            await Task.Delay(Interval);
        }
    }
}
