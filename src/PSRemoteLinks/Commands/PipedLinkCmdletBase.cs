using System;
using System.Collections.Generic;
using System.Management.Automation;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// A data cmdlet that changes links and also sees the piped object itself (hidden -InputObject), for two things
    /// binding by property name cannot tell: what kind of object came in (an issue link's id is not a remote link's
    /// id), and which parameters the user named for this item as opposed to those PowerShell filled in from the
    /// object's properties.
    /// </summary>
    public abstract class PipedLinkCmdletBase : LinkCmdletBase
    {
        private PSObject? _input;
        private HashSet<string>? _named;

        /// <summary>The piped object. Not meant to be given by name: its properties bind to the other parameters.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject
        {
            get => _input;
            set
            {
                _input = value;
                // PowerShell binds each piped object in a fixed order: delay-bind script blocks first, then the object
                // itself (here), then its properties. So what is bound when the first object arrives is exactly what
                // the user named: typed on the command line, or given as a script block. Later objects cannot be read
                // this way (BoundParameters keeps the names bound from earlier objects), but the names are the same.
                if (value != null && _named == null)
                {
                    _named = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
                }
            }
        }

        /// <summary>The parameters the user named for the current item (all bound ones when nothing is piped, -InputObject typed included).</summary>
        internal ICollection<string> Named => MyInvocation.ExpectingInput && _named != null
            ? _named
            : new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);

        /// <summary>The piped object's value of <paramref name="property"/>; <paramref name="known"/> is false when nothing is piped or it has none.</summary>
        internal object? PipedValue(string property, out bool known)
        {
            var value = _input?.Properties[property];
            known = value != null;
            return value?.Value is PSObject wrapped ? wrapped.BaseObject : value?.Value;
        }

        /// <summary>
        /// Refuses, in the item's place among the results and before any request, a piped object of
        /// <typeparamref name="TWrong"/>: its Issue and Id bound as if they named the kind this cmdlet works on.
        /// </summary>
        /// <param name="what">The wrong kind, as in "a remote link".</param>
        /// <param name="useInstead">The sentence that says where such objects go.</param>
        internal bool RefusedAsWrongKind<TWrong>(string what, string useInstead)
        {
            if (!(_input?.BaseObject is TWrong wrong))
            {
                return false;
            }

            Refuse(wrong!, new ApiException(ApiErrorKind.InvalidArgument, "WrongLinkKind",
                MyInvocation.MyCommand.Name + " was given " + what + " (" + wrong + ") from the pipeline; the ids of issue links and remote links "
                + "are different things. " + useInstead + " Nothing was sent."));
            return true;
        }
    }
}
