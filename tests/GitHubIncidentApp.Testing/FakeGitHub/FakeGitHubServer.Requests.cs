using Microsoft.AspNetCore.Http;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>The fake's request log, and the faults and disruptions a test puts in the way of requests.</summary>
public sealed partial class FakeGitHubServer
{
    private readonly List<RecordedRequest> _requests = [];
    private long _arrivals;
    private readonly Lock _requestsGate = new();

    /// <summary>Every request in the order it completed.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Called before a request is handled; a non-null status fails it with that status and a JSON error.</summary>
    public Func<RecordedRequest, int?>? FailWith { get; set; }

    /// <summary>Called before a request is handled (before <see cref="FailWith"/>); a non-null fault is the answer, headers included.</summary>
    public Func<RecordedRequest, FakeFault?>? FaultWith { get; set; }

    /// <summary>
    /// Called first for every request; a non-null disruption slows it, cuts its connection or holds its answer
    /// back, around whatever answers it (<see cref="FaultWith"/>, <see cref="FailWith"/> or the API).
    /// </summary>
    public Func<RecordedRequest, FakeDisruption?>? DisruptWith { get; set; }

    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Waits (in real time, polling) until a request matching <paramref name="match"/> has been answered.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Requests.FirstOrDefault(match) is { } request)
            {
                return request;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching request reached the fake GitHub; it received:\n{string.Join('\n', Requests)}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        context.Items[FakeRequestBody.ItemKey] = body;
        var request = new RecordedRequest
        {
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? "/",
            Query = context.Request.QueryString.Value ?? "",
            Body = body,
            Authorization = context.Request.Headers.Authorization.FirstOrDefault(),
            At = _time.GetUtcNow(),
            Arrival = Interlocked.Increment(ref _arrivals),
        };

        var disruption = DisruptWith?.Invoke(request);
        var statusCode = StatusCodes.Status500InternalServerError; // what Kestrel answers when a handler throws
        try
        {
            if (disruption is { Delay: var delay } && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay).ConfigureAwait(false);
            }

            if (disruption?.Cut == FakeCut.BeforeHandling)
            {
                statusCode = 0;
                context.Abort();
                return;
            }

            if (disruption is { Cut: FakeCut.AfterHandling } or { HoldAnswerUntil: not null })
            {
                statusCode = await AnswerHeldBackAsync(context, next, request, disruption).ConfigureAwait(false);
            }
            else
            {
                await AnswerAsync(context, next, request).ConfigureAwait(false);
                statusCode = context.Response.StatusCode;
            }
        }
        finally
        {
            lock (_requestsGate)
            {
                _requests.Add(request with { StatusCode = statusCode, Cut = disruption?.Cut ?? FakeCut.None, ArrivalsWhenAnswered = Interlocked.Read(ref _arrivals) });
            }
        }
    }

    private async Task AnswerAsync(HttpContext context, RequestDelegate next, RecordedRequest request)
    {
        if ((FaultWith?.Invoke(request) ?? (FailWith?.Invoke(request) is { } status ? FakeFault.Status(status) : null)) is { } fault)
        {
            foreach (var (name, value) in fault.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await FakeResults.Json(FakeGitHubJson.Error(fault.Message), fault.StatusCode).ExecuteAsync(context).ConfigureAwait(false);
        }
        else
        {
            await next(context).ConfigureAwait(false);
        }
    }

    /// <summary>Handles the request into a buffer (Kestrel would send it at once), then holds, cuts or sends the answer.</summary>
    private async Task<int> AnswerHeldBackAsync(HttpContext context, RequestDelegate next, RecordedRequest request, FakeDisruption disruption)
    {
        var connection = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await AnswerAsync(context, next, request).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = connection;
        }

        if (disruption.HoldAnswerUntil is { } hold)
        {
            await hold.ConfigureAwait(false);
        }

        if (disruption.Cut == FakeCut.AfterHandling)
        {
            context.Abort();
        }
        else
        {
            answer.Position = 0;
            context.Response.ContentLength = answer.Length;
            // Not cancelled with the request: a client that went away while the answer was held is what a test wants.
            await answer.CopyToAsync(connection, CancellationToken.None).ConfigureAwait(false);
        }

        return context.Response.StatusCode;
    }
}
