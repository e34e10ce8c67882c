using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace PSRemoteLinks.EngineHost;

/// <summary>Collects every piece of text a user could get to from a <see cref="ScriptResult"/>.</summary>
internal static class VisibleText
{
    public static string Of(ScriptResult result)
    {
        var parts = new List<string>();

        foreach (PSObject item in result.Output)
        {
            AddObject(parts, item);
        }

        foreach (ErrorRecord error in result.Errors)
        {
            AddErrorRecord(parts, error);
        }

        if (result.TerminatingError is { } terminating)
        {
            AddException(parts, terminating);
            if (terminating is IContainsErrorRecord { ErrorRecord: { } record })
            {
                AddErrorRecord(parts, record);
            }
        }

        parts.AddRange(result.Warnings);
        parts.AddRange(result.Verbose);
        parts.AddRange(result.Debug);
        foreach (object? message in result.Information)
        {
            parts.Add(SafeToString(message));
        }

        foreach (ProgressRecord progress in result.Progress)
        {
            parts.Add(progress.Activity);
            parts.Add(progress.StatusDescription);
            parts.Add(progress.CurrentOperation ?? string.Empty);
        }

        parts.Add(result.HostText);
        return string.Join("\n", parts);
    }

    private static void AddObject(List<string> parts, PSObject item)
    {
        parts.Add(SafeToString(item));
        foreach (PSPropertyInfo property in item.Properties)
        {
            object? value;
            try
            {
                value = property.Value;
            }
            catch (Exception ex) when (ex is GetValueException or ExtendedTypeSystemException or InvalidOperationException)
            {
                // A property whose getter throws shows the user the error text instead of a value.
                parts.Add(property.Name + ": " + ex.Message);
                continue;
            }

            parts.Add(property.Name + ": " + DescribeValue(value));
        }
    }

    // Collections are listed element by element, as a user expanding the property would see them.
    private static string DescribeValue(object? value)
    {
        object? unwrapped = value is PSObject wrapper ? wrapper.BaseObject : value;
        if (unwrapped is IEnumerable sequence and not string and not IDictionary)
        {
            var elements = new List<string>();
            foreach (object? element in sequence)
            {
                elements.Add(SafeToString(element));
            }

            return string.Join(", ", elements);
        }

        if (unwrapped is IDictionary dictionary)
        {
            var entries = new List<string>();
            foreach (DictionaryEntry entry in dictionary)
            {
                entries.Add(SafeToString(entry.Key) + "=" + SafeToString(entry.Value));
            }

            return string.Join(", ", entries);
        }

        return SafeToString(value);
    }

    private static void AddErrorRecord(List<string> parts, ErrorRecord error)
    {
        parts.Add(SafeToString(error));
        parts.Add(error.FullyQualifiedErrorId ?? string.Empty);
        parts.Add(error.CategoryInfo?.ToString() ?? string.Empty);
        parts.Add(error.CategoryInfo?.GetMessage() ?? string.Empty);
        parts.Add(error.ErrorDetails?.Message ?? string.Empty);
        parts.Add(error.ErrorDetails?.RecommendedAction ?? string.Empty);
        parts.Add(SafeToString(error.TargetObject));
        // The position message is left out on purpose: it quotes the caller's own script text.
        if (error.Exception is { } exception)
        {
            AddException(parts, exception);
        }
    }

    private static void AddException(List<string> parts, Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            Exception current = pending.Pop();
            parts.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    private static string SafeToString(object? value)
    {
        try
        {
            return value?.ToString() ?? string.Empty;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"<{value!.GetType().FullName}.ToString() threw: {ex.Message}>";
        }
    }
}
