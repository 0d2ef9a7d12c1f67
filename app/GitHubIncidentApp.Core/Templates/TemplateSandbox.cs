using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>The outcome of one sandboxed render: the text, or what went wrong.</summary>
internal sealed record RenderOutcome(string? Text, string? Error, bool OutputLimitReached)
{
    public static RenderOutcome Ok(string text) => new(text, null, false);
}

/// <summary>Runs a template with no template loader and with loop, recursion, string, output and time limits.</summary>
internal sealed class TemplateSandbox(TemplateLimits limits, TimeProvider timeProvider)
{
    public RenderOutcome Run(Template template, ScriptObject model, int outputLimit)
    {
        using var timeout = new CancellationTokenSource();
        var context = new DeadlineContext(timeProvider, limits.TimeLimit, timeout)
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
        try
        {
            return RenderOutcome.Ok(template.Render(context));
        }
        catch (ScriptAbortException) when (timeout.IsCancellationRequested)
        {
            return new RenderOutcome(null, $"it ran longer than the time limit of {limits.TimeLimit.TotalMilliseconds:0} ms", false);
        }
        catch (ScriptRuntimeException ex)
        {
            var outputLimitReached = ex.OriginalMessage.Contains("OutputLimit", StringComparison.Ordinal);
            return new RenderOutcome(null, $"{TemplateSyntax.Position(ex.Span)}: {ex.OriginalMessage}", outputLimitReached);
        }
        catch (Exception ex)
        {
            // Scriban lets some .NET exceptions from its builtins escape; a repository template must never take the caller down.
            return new RenderOutcome(null, ex.Message, false);
        }
    }
}

/// <summary>
/// Checks the time limit at every evaluation step. A timer would be simpler, but its callback needs a free
/// thread-pool thread, and on a busy machine a runaway template would run on until one came.
/// </summary>
internal sealed class DeadlineContext(TimeProvider timeProvider, TimeSpan limit, CancellationTokenSource abort) : TemplateContext
{
    private readonly long _started = timeProvider.GetTimestamp();

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (limit != Timeout.InfiniteTimeSpan && timeProvider.GetElapsedTime(_started) > limit)
        {
            abort.Cancel();
            CheckAbort();
        }

        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }
}
