using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>The outcome of one sandboxed render: the text, or what went wrong.</summary>
internal sealed record RenderOutcome(string? Text, string? Error, bool OutputLimitReached)
{
    public static RenderOutcome Ok(string text) => new(text, null, false);
}

/// <summary>
/// Runs a template with no template loader and with loop, recursion, string, output, time and memory limits;
/// with a <paramref name="budget"/>, each render also draws its time and memory from it.
/// </summary>
internal sealed class TemplateSandbox(TemplateLimits limits, TimeProvider timeProvider, TemplateBudget? budget = null)
{
    /// <summary>Null outside a delivery.</summary>
    public TemplateBudget? Budget => budget;

    /// <summary>This sandbox's limits with a budget of their own: one delivery's renders.</summary>
    public TemplateSandbox WithBudget() => new(limits, timeProvider, new TemplateBudget(limits));

    public RenderOutcome Run(Template template, ScriptObject model, int outputLimit)
    {
        if (budget is { IsSpent: true })
        {
            return new RenderOutcome(null, $"it was not run: the templates before it spent {budget.Spent}", false);
        }

        var timeByBudget = budget is not null && (limits.TimeLimit == Timeout.InfiniteTimeSpan || budget.TimeLeft < limits.TimeLimit);
        var memoryByBudget = budget is not null && budget.BytesLeft < limits.MemoryLimit;
        using var timeout = new CancellationTokenSource();
        var context = new DeadlineContext(timeProvider, timeByBudget ? budget!.TimeLeft : limits.TimeLimit, memoryByBudget ? budget!.BytesLeft : limits.MemoryLimit, timeout)
        {
            // No TemplateLoader: `include` fails with "No TemplateLoader registered", so a template cannot read files.
            LoopLimit = limits.LoopLimit,
            RecursiveLimit = limits.RecursiveLimit,
            LimitToString = limits.StringLimit,
            OutputLimit = Math.Min(outputLimit, limits.OutputLimit),
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = limits.TimeLimit,
            CancellationToken = timeout.Token,
            // Missing data reads as empty instead of failing the render (`alerts[0].labels` with no alerts).
            EnableRelaxedTargetAccess = true,
        };

        // object.eval and object.eval_template would run alert text as template code.
        if (context.BuiltinObject["object"] is ScriptObject objectFunctions)
        {
            objectFunctions.Remove("eval");
            objectFunctions.Remove("eval_template");
        }

        context.PushGlobal(model);
        context.Start();
        try
        {
            return RenderOutcome.Ok(template.Render(context));
        }
        catch (ScriptAbortException) when (timeout.IsCancellationRequested)
        {
            return new RenderOutcome(null, context.OutOfMemory ? MemoryError(memoryByBudget) : TimeError(timeByBudget), false);
        }
        catch (ScriptRuntimeException ex)
        {
            var outputLimitReached = ex.OriginalMessage.Contains("OutputLimit", StringComparison.Ordinal);
            return new RenderOutcome(null, TemplateError.At(ex.Span, ex.OriginalMessage).ToString(), outputLimitReached);
        }
        catch (Exception ex)
        {
            // Scriban lets some .NET exceptions from its builtins escape; a repository template must never take the caller down.
            return new RenderOutcome(null, ex.Message, false);
        }
        finally
        {
            budget?.Spend(context.Elapsed, context.Allocated);
        }
    }

    internal static long Megabytes(long bytes) => bytes / (1024 * 1024);

    private string TimeError(bool byBudget) => byBudget
        ? $"it ran past {budget!.TimeText}; {TemplateBudget.Fix}"
        : $"it ran longer than the time limit of {limits.TimeLimit.TotalMilliseconds:0} ms";

    private string MemoryError(bool byBudget) => byBudget
        ? $"it allocated past {budget!.MemoryText}; {TemplateBudget.Fix}"
        : $"it allocated more than the memory limit of {Megabytes(limits.MemoryLimit)} MB of one render; build less text, or smaller arrays, in loops";
}

/// <summary>
/// Checks the time and memory limits at every evaluation step. A timer would be simpler, but its callback needs
/// a free thread-pool thread, and on a busy machine a runaway template would run on until one came. Memory is
/// what this thread allocated since <see cref="Start"/>: a render runs synchronously on one thread.
/// </summary>
internal sealed class DeadlineContext(TimeProvider timeProvider, TimeSpan timeLimit, long memoryLimit, CancellationTokenSource abort) : TemplateContext
{
    private long _started;
    private long _allocatedBefore;

    /// <summary>The render was stopped for allocating too much (else, when stopped, for taking too long).</summary>
    public bool OutOfMemory { get; private set; }

    public TimeSpan Elapsed => timeProvider.GetElapsedTime(_started);

    public long Allocated => GC.GetAllocatedBytesForCurrentThread() - _allocatedBefore;

    /// <summary>Called just before the render, so setting up the context is not counted.</summary>
    public void Start()
    {
        _started = timeProvider.GetTimestamp();
        _allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        var outOfTime = timeLimit != Timeout.InfiniteTimeSpan && Elapsed > timeLimit;
        if (outOfTime || Allocated > memoryLimit)
        {
            OutOfMemory = !outOfTime;
            abort.Cancel();
            CheckAbort();
        }

        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }
}
