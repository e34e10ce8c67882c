using System;
using System.Linq;
using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Trims issue keys as they are bound (typed, piped or from a script block), so ' A-1 ' is A-1 everywhere:
    /// in the request, in the objects written and in messages.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TrimIssueKeyAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text:
                    return text.Trim();
                case object[] many when many.All(m => (m is PSObject p ? p.BaseObject : m) is string):
                    return many.Select(m => ((m is PSObject p ? p.BaseObject : m) as string)!.Trim()).ToArray();
                case string[] keys:
                    return keys.Select(k => k?.Trim()).ToArray();
                default:
                    return inputData;
            }
        }
    }
}
