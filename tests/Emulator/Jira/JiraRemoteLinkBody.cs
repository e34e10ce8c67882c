using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// Validates a RemoteIssueLinkRequest body and keeps only the fields Jira stores, so a replaced link
/// loses every field the client did not send (Jira sets them to null).
/// </summary>
internal static class JiraRemoteLinkBody
{
    public const int MaxGlobalIdLength = 255;

    public static JsonObject? Normalize(JsonNode? input, out JsonObject? error)
    {
        var messages = new List<string>();
        var fieldErrors = new JsonObject();
        var result = new JsonObject();
        error = null;

        if (input is not JsonObject source)
        {
            error = JiraJson.Errors("Can not deserialize the request body: expected a JSON object.");
            return null;
        }

        string? globalId = ReadString(source, "globalId", messages);
        if (globalId is not null)
        {
            if (globalId.Length > MaxGlobalIdLength)
            {
                fieldErrors["globalId"] = $"The global ID must be {MaxGlobalIdLength} characters or fewer.";
            }

            result["globalId"] = globalId;
        }

        JsonObject? application = ReadObject(source, "application", messages);
        if (application is not null)
        {
            var copy = new JsonObject();
            CopyString(application, copy, "type", messages);
            CopyString(application, copy, "name", messages);
            result["application"] = copy;
        }

        CopyString(source, result, "relationship", messages);

        JsonObject? remoteObject = ReadObject(source, "object", messages);
        if (remoteObject is null)
        {
            if (source["object"] is null)
            {
                fieldErrors["object"] = "'object' is required.";
            }
        }
        else
        {
            result["object"] = NormalizeObject(remoteObject, fieldErrors, messages);
        }

        if (messages.Count > 0 || fieldErrors.Count > 0)
        {
            error = JiraJson.Errors(messages, fieldErrors);
            return null;
        }

        return result;
    }

    private static JsonObject NormalizeObject(JsonObject source, JsonObject fieldErrors, List<string> messages)
    {
        var result = new JsonObject();
        foreach (string required in new[] { "url", "title" })
        {
            string? value = ReadString(source, required, messages);
            if (string.IsNullOrWhiteSpace(value))
            {
                fieldErrors[required] = $"'{required}' is required.";
            }
            else
            {
                result[required] = value;
            }
        }

        CopyString(source, result, "summary", messages);

        JsonObject? icon = ReadObject(source, "icon", messages);
        if (icon is not null)
        {
            result["icon"] = NormalizeIcon(icon, messages);
        }

        JsonObject? status = ReadObject(source, "status", messages);
        if (status is not null)
        {
            var statusCopy = new JsonObject();
            JsonNode? resolved = status["resolved"];
            if (resolved is not null)
            {
                if (resolved.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    statusCopy["resolved"] = resolved.GetValue<bool>();
                }
                else
                {
                    messages.Add("'resolved' must be true or false.");
                }
            }

            JsonObject? statusIcon = ReadObject(status, "icon", messages);
            if (statusIcon is not null)
            {
                statusCopy["icon"] = NormalizeIcon(statusIcon, messages);
            }

            result["status"] = statusCopy;
        }

        return result;
    }

    private static JsonObject NormalizeIcon(JsonObject source, List<string> messages)
    {
        var result = new JsonObject();
        CopyString(source, result, "url16x16", messages);
        CopyString(source, result, "title", messages);
        CopyString(source, result, "link", messages);
        return result;
    }

    private static void CopyString(JsonObject source, JsonObject target, string name, List<string> messages)
    {
        string? value = ReadString(source, name, messages);
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static string? ReadString(JsonObject source, string name, List<string> messages)
    {
        JsonNode? node = source[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            return node.GetValue<string>();
        }

        messages.Add($"Can not deserialize '{name}': expected a string but found {node.GetValueKind()}.");
        return null;
    }

    private static JsonObject? ReadObject(JsonObject source, string name, List<string> messages)
    {
        JsonNode? node = source[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonObject obj)
        {
            return obj;
        }

        messages.Add($"Can not deserialize '{name}': expected an object but found {node.GetValueKind()}.");
        return null;
    }
}
