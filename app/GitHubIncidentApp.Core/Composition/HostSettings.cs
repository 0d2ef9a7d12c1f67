using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitHubIncidentApp.Core.Composition;

/// <summary>How both hosts read their settings: the options pattern, with every problem reported at once, one line each.</summary>
public static class HostSettings
{
    /// <summary>
    /// <typeparamref name="T"/> bound from the values <paramref name="lookup"/> gives for the names it declares
    /// (<see cref="ConfigurationKeyNameAttribute"/>), trimmed, blank ones unset; or every problem <paramref name="validator"/> finds.
    /// </summary>
    public static (T? Variables, IReadOnlyList<string> Problems) Bind<T>(Func<string, string?> lookup, IValidateOptions<T> validator)
        where T : class
    {
        // Only the declared names: the Action's environment is a function, not a list.
        var values = typeof(T).GetProperties()
            .Select(property => property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name).OfType<string>()
            .Select(name => KeyValuePair.Create(name, lookup(name)?.Trim()))
            .Where(pair => !string.IsNullOrEmpty(pair.Value));

        var services = new ServiceCollection().AddSingleton(validator);
        services.AddOptions<T>().Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        using var provider = services.BuildServiceProvider();
        try
        {
            return (provider.GetRequiredService<IOptions<T>>().Value, []);
        }
        catch (OptionsValidationException e)
        {
            return (null, [.. e.Failures]);
        }
    }

    /// <summary>A validator's result from its checks, each a problem or null.</summary>
    public static ValidateOptionsResult Result(IEnumerable<string?> problems) =>
        problems.OfType<string>().ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;

    /// <summary>The message of the <see cref="ArgumentException"/> or <see cref="FormatException"/> <paramref name="parse"/> throws; null when it throws none.</summary>
    public static string? ProblemOf(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return e.Message;
        }
    }
}
